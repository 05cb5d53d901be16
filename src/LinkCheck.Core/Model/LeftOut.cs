namespace LinkCheck.Core.Model;

/// <summary>
/// What discovery passed over on purpose, so the summary can say so instead of a silently smaller run. Files
/// count only those the include globs would have taken; a folder counts once, without walking into it.
/// </summary>
/// <param name="IgnoredFiles">Markdown files git ignores (<c>.gitignore</c>, <c>.git/info/exclude</c>).</param>
/// <param name="IgnoredFolders">Folders git ignores.</param>
/// <param name="ExcludedFiles">Markdown files an exclude glob (<c>--exclude-path</c>) matches.</param>
/// <param name="ExcludedFolders">Folders an exclude glob matches.</param>
public sealed record LeftOut(int IgnoredFiles, int IgnoredFolders, int ExcludedFiles, int ExcludedFolders)
{
    /// <summary>Nothing left out.</summary>
    public static LeftOut None { get; } = new(0, 0, 0, 0);

    /// <summary>True when anything was left out.</summary>
    public bool Any => IgnoredFiles + IgnoredFolders + ExcludedFiles + ExcludedFolders > 0;
}
