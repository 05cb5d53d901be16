namespace LinkCheck.Core.Discovery;

/// <summary>
/// Which folder a run treats as the repository root when none is given (<c>--root-dir</c>): links are resolved
/// against it and nothing outside it is read, so it must contain every path the user named.
/// </summary>
/// <remarks>
/// Inside a git work tree it is the work tree's top folder (as <c>git rev-parse --show-toplevel</c> would say for
/// the paths' common folder). Outside one it is the current directory when every path lies inside it, else the
/// nearest folder that contains all the paths: never the first path alone, which would put the others (and the
/// files their links point at, such as <c>../README.md</c>) outside the root.
/// </remarks>
public static class RootFinder
{
    /// <summary>The root for checking <paramref name="paths"/> (absolute files or folders) from <paramref name="currentDirectory"/>.</summary>
    public static string Find(string currentDirectory, IReadOnlyList<string> paths)
    {
        var cwd = Path.TrimEndingDirectorySeparator(Path.GetFullPath(currentDirectory));
        var folders = paths.Select(FolderOf).ToList();
        var common = folders.Count == 0 ? cwd : CommonFolder(folders);
        if (RepositoryRoot.FindGitWorkTree(common) is { } workTree)
        {
            return workTree;
        }

        return folders.All(f => RepositoryRoot.Contains(cwd, f)) ? cwd : common;
    }

    /// <summary>The deepest folder that contains every one of <paramref name="folders"/> (absolute, no trailing separator).</summary>
    public static string CommonFolder(IReadOnlyList<string> folders)
    {
        var common = folders[0];
        foreach (var folder in folders.Skip(1))
        {
            while (!RepositoryRoot.Contains(common, folder))
            {
                common = Path.GetDirectoryName(common) ?? common;
                if (Path.GetPathRoot(common) == common)
                {
                    break;
                }
            }
        }

        return common;
    }

    private static string FolderOf(string path)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        return Directory.Exists(full) ? full : Path.GetDirectoryName(full) ?? full;
    }
}
