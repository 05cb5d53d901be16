namespace LinkCheck.Core.Sites;

/// <summary>A folder of the repository as detection sees it: its path and the names of the entries directly in it.</summary>
/// <param name="Path">Repository-relative, <c>/</c>-separated, empty for the root.</param>
/// <param name="Files">Names of the files directly in the folder.</param>
/// <param name="Directories">Names of the folders directly in it.</param>
public sealed record SiteDirectory(string Path, IReadOnlySet<string> Files, IReadOnlySet<string> Directories)
{
    /// <summary>The repository path of the entry <paramref name="name"/> of this folder.</summary>
    public string PathOf(string name) => Path.Length == 0 ? name : Path + "/" + name;
}
