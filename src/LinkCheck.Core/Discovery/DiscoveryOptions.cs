namespace LinkCheck.Core.Discovery;

/// <summary>What to look for, and where.</summary>
/// <param name="Root">The repository root (absolute). Nothing outside it is read.</param>
/// <param name="Paths">Files and directories to check (absolute); a file named here is checked even if ignored.</param>
/// <param name="Include">Globs a file must match; empty means the default markdown extensions.</param>
/// <param name="Exclude">Globs that remove files and directories.</param>
/// <param name="UseGitIgnore">Honour <c>.gitignore</c> files and <c>.git/info/exclude</c>.</param>
public sealed record DiscoveryOptions(
    string Root,
    IReadOnlyList<string> Paths,
    IReadOnlyList<string> Include,
    IReadOnlyList<string> Exclude,
    bool UseGitIgnore = true);
