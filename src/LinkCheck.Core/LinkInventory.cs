using LinkCheck.Core.Discovery;
using LinkCheck.Core.Model;
using LinkCheck.Core.Extraction;

namespace LinkCheck.Core;

/// <summary>What discovery and extraction found, before anything is checked (what <c>--dump</c> prints).</summary>
/// <param name="Root">The repository root.</param>
/// <param name="Documents">Every discovered document with its links and anchors, in path order.</param>
/// <param name="Problems">Files that matched but could not be read at all.</param>
/// <param name="Notes">Things discovery passed over on purpose.</param>
public sealed record LinkInventory(
    string Root,
    IReadOnlyList<DocumentAnalysis> Documents,
    IReadOnlyList<DiscoveryProblem> Problems,
    IReadOnlyList<string> Notes)
{
    /// <summary>The sites of the repository (<see cref="Sites.SiteMap.None"/> when every file is GitHub-rendered).</summary>
    public Sites.SiteMap Sites { get; init; } = Core.Sites.SiteMap.None;

    /// <summary>The repository's file list, when site detection already walked it (reused by resolution).</summary>
    internal Resolution.RepositoryFileIndex? FileIndex { get; init; }

    /// <summary>How many files and folders the ignore rules and exclude globs passed over.</summary>
    public LeftOut LeftOut { get; init; } = LeftOut.None;

    /// <summary>The repository path standard input is checked under (<c>docs/&lt;stdin&gt;</c>), or null without it.</summary>
    internal string? StandardInputPath { get; init; }

    /// <summary>The paths the run was asked to check, relative to <see cref="Root"/> (empty for the root).</summary>
    public IReadOnlyList<string> Paths { get; init; } = [];
}
