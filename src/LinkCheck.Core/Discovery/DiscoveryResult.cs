using LinkCheck.Core.Model;

namespace LinkCheck.Core.Discovery;

/// <summary>The markdown files found, in repository-path order, and the files that matched but cannot be read.</summary>
/// <param name="Documents">The documents to check, sorted by path (ordinal), each once.</param>
/// <param name="Problems">Files that matched but cannot be checked (a symlink loop, a dangling or escaping symlink).</param>
/// <param name="Notes">Things passed over on purpose, for <c>--verbose</c> (a directory symlink leaving the root, ...).</param>
public sealed record DiscoveryResult(
    IReadOnlyList<SourceDocument> Documents,
    IReadOnlyList<DiscoveryProblem> Problems,
    IReadOnlyList<string> Notes)
{
    /// <summary>How many files and folders the ignore rules and exclude globs passed over.</summary>
    public LeftOut LeftOut { get; init; } = LeftOut.None;
}
