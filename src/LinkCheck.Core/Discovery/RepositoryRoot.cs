using LinkCheck.Core.Model;

namespace LinkCheck.Core.Discovery;

/// <summary>Finds the git work tree that contains a directory, without running git.</summary>
public static class RepositoryRoot
{
    /// <summary>
    /// The nearest directory at or above <paramref name="startDirectory"/> that holds a <c>.git</c> directory or
    /// file (a worktree or submodule has a <c>.git</c> file), or null when there is none.
    /// </summary>
    public static string? FindGitWorkTree(string startDirectory)
    {
        for (var directory = new DirectoryInfo(Path.GetFullPath(startDirectory)); directory is not null; directory = directory.Parent)
        {
            var git = Path.Combine(directory.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return directory.FullName;
            }
        }

        return null;
    }

    /// <summary>The real path of a directory: symbolic links in it resolved, no trailing separator.</summary>
    public static string RealPath(string directory)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        var info = new DirectoryInfo(full);
        if (info.Parent is null)
        {
            return full;
        }

        var candidate = new DirectoryInfo(Path.Combine(RealPath(info.Parent.FullName), info.Name));
        var target = candidate.LinkTarget is null ? null : candidate.ResolveLinkTarget(returnFinalTarget: true);
        return target is null ? candidate.FullName : Path.TrimEndingDirectorySeparator(target.FullName);
    }

    /// <summary>
    /// The path of a file system entry with the symbolic links of its parent directories resolved, but not the
    /// entry itself (which may be a link the caller wants to inspect).
    /// </summary>
    public static string RealEntryPath(string path)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var parent = Path.GetDirectoryName(full);
        return parent is null ? full : Path.Combine(RealPath(parent), Path.GetFileName(full));
    }

    /// <summary>True when <paramref name="fullPath"/> is <paramref name="root"/> or inside it.</summary>
    public static bool Contains(string root, string fullPath) =>
        fullPath.Equals(root, StringComparison.Ordinal)
        || (fullPath.StartsWith(root, StringComparison.Ordinal) && fullPath.Length > root.Length
            && (fullPath[root.Length] == Path.DirectorySeparatorChar || root.EndsWith(Path.DirectorySeparatorChar)));

    /// <summary>The <c>/</c>-separated path of <paramref name="fullPath"/> relative to <paramref name="root"/> (empty for the root).</summary>
    public static string Relative(string root, string fullPath)
    {
        var relative = Path.GetRelativePath(root, fullPath);
        return relative == "." ? string.Empty : relative.Replace(Path.DirectorySeparatorChar, '/');
    }
}
