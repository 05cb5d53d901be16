using LinkCheck.Core.Model;

namespace LinkCheck.Core.Discovery;

/// <summary>
/// Walks the given paths for markdown files. It skips <c>.git</c>, honours git's ignore rules, follows symbolic
/// links only while they stay inside the root, never enters a directory twice (so symlink loops end), prefers a
/// file's real path over a symlink to it, and returns the files sorted by repository path so every run sees the
/// same order.
/// </summary>
public sealed class MarkdownFileFinder
{
    private readonly DiscoveryOptions _options;
    private readonly string _root;
    private readonly IgnoreRules _ignore;
    private readonly PathGlobs _globs;
    private readonly HashSet<string> _visitedDirectories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Candidate> _files = new(StringComparer.Ordinal);
    private readonly List<DiscoveryProblem> _problems = [];
    private readonly List<string> _notes = [];
    private readonly Queue<(string RealPath, string RepositoryPath)> _deferredLinks = new();
    private int _ignoredFiles, _ignoredFolders, _excludedFiles, _excludedFolders;

    private MarkdownFileFinder(DiscoveryOptions options)
    {
        _options = options;
        _root = options.Root;
        _ignore = options.UseGitIgnore
            ? new IgnoreRules(options.Root, options.Paths.Select(p => RepositoryRoot.Relative(options.Root, RepositoryRoot.RealEntryPath(p))))
            : IgnoreRules.None;
        _globs = new PathGlobs(options.Include, options.Exclude);
    }

    /// <summary>Finds the markdown files described by <paramref name="options"/>.</summary>
    public static DiscoveryResult Find(DiscoveryOptions options) => new MarkdownFileFinder(options).Run();

    private DiscoveryResult Run()
    {
        foreach (var path in _options.Paths)
        {
            var full = RepositoryRoot.RealEntryPath(path);
            var repositoryPath = RepositoryRoot.Relative(_root, full);
            if (File.Exists(full) && !Directory.Exists(full))
            {
                AddExplicitFile(full, repositoryPath);
            }
            else if (Directory.Exists(full))
            {
                var real = ResolveDirectory(full, repositoryPath);
                if (real is not null)
                {
                    Walk(real, repositoryPath);
                }
            }
            else if (new FileInfo(full).LinkTarget is not null)
            {
                _problems.Add(new DiscoveryProblem(repositoryPath, "cannot read file: it is a symbolic link whose target does not exist"));
            }
        }

        // Directories reached only through symbolic links are walked last, so a file's real path wins.
        while (_deferredLinks.TryDequeue(out var link))
        {
            Walk(link.RealPath, link.RepositoryPath);
        }

        var documents = _files.Values
            .GroupBy(c => c.RealPath, StringComparer.Ordinal)
            .Select(g => g.OrderBy(c => c.ViaLink).ThenBy(c => c.RepositoryPath, StringComparer.Ordinal).First())
            .Select(c => new SourceDocument(c.RepositoryPath, c.FullPath))
            .OrderBy(d => d.Path, StringComparer.Ordinal)
            .ToList();
        var problems = _problems.OrderBy(p => p.Path, StringComparer.Ordinal).ToList();
        return new DiscoveryResult(documents, problems, _notes)
        {
            LeftOut = new LeftOut(_ignoredFiles, _ignoredFolders, _excludedFiles, _excludedFolders),
        };
    }

    private void AddExplicitFile(string full, string repositoryPath)
    {
        var info = new FileInfo(full);
        if (info.LinkTarget is null)
        {
            _files.TryAdd(repositoryPath, new Candidate(repositoryPath, full, full, ViaLink: false));
            return;
        }

        var target = ResolveLink(info, repositoryPath);
        if (target is not null)
        {
            _files.TryAdd(repositoryPath, new Candidate(repositoryPath, full, target, ViaLink: true));
        }
    }

    private void Walk(string directory, string repositoryPath)
    {
        if (!_visitedDirectories.Add(directory))
        {
            return;
        }

        FileSystemInfo[] entries;
        try
        {
            entries = new DirectoryInfo(directory).GetFileSystemInfos();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _notes.Add($"{Display(repositoryPath)}: cannot list directory: {e.Message}");
            return;
        }

        Array.Sort(entries, static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        foreach (var entry in entries)
        {
            if (entry.Name == ".git")
            {
                continue;
            }

            var childPath = repositoryPath.Length == 0 ? entry.Name : repositoryPath + "/" + entry.Name;
            var isLink = entry.LinkTarget is not null;
            var isDirectory = entry is DirectoryInfo;

            if (isDirectory)
            {
                if (_ignore.Matches(childPath, isDirectory: true))
                {
                    _ignoredFolders++;
                    continue;
                }

                if (_globs.IsExcluded(childPath))
                {
                    _excludedFolders++;
                    continue;
                }

                if (!isLink)
                {
                    Walk(entry.FullName, childPath);
                    continue;
                }

                var target = ResolveDirectory(entry.FullName, childPath);
                if (target is not null)
                {
                    _deferredLinks.Enqueue((target, childPath));
                }

                continue;
            }

            if (!_globs.IsIncludedFile(childPath))
            {
                if (_globs.IsExcluded(childPath) && _globs.Includes(childPath) && !_ignore.Matches(childPath, isDirectory: false))
                {
                    _excludedFiles++;
                }

                continue;
            }

            if (_ignore.Matches(childPath, isDirectory: false))
            {
                _ignoredFiles++;
                continue;
            }

            if (!isLink)
            {
                _files.TryAdd(childPath, new Candidate(childPath, entry.FullName, entry.FullName, ViaLink: false));
                continue;
            }

            // A symbolic link: to a directory (enumerated as a file when dangling or looping) or to a file.
            var resolved = ResolveLink(entry, childPath);
            if (resolved is null)
            {
                continue;
            }

            if (Directory.Exists(resolved))
            {
                _deferredLinks.Enqueue((resolved, childPath));
            }
            else
            {
                _files.TryAdd(childPath, new Candidate(childPath, entry.FullName, resolved, ViaLink: true));
            }
        }
    }

    /// <summary>The real directory behind <paramref name="full"/>, or null (with a note) when it leaves the root.</summary>
    private string? ResolveDirectory(string full, string repositoryPath)
    {
        var info = new DirectoryInfo(full);
        if (info.LinkTarget is null)
        {
            return full;
        }

        return ResolveLink(info, repositoryPath);
    }

    /// <summary>Follows a symbolic link to its final target, refusing loops, dangling links and targets outside the root.</summary>
    private string? ResolveLink(FileSystemInfo link, string repositoryPath)
    {
        FileSystemInfo? target;
        try
        {
            target = link.ResolveLinkTarget(returnFinalTarget: true);
        }
        catch (IOException)
        {
            _problems.Add(new DiscoveryProblem(repositoryPath, "cannot read file: symbolic link loop"));
            return null;
        }

        if (target is null || !target.Exists)
        {
            if (_globs.IsIncludedFile(repositoryPath))
            {
                _problems.Add(new DiscoveryProblem(repositoryPath, "cannot read file: it is a symbolic link whose target does not exist"));
            }

            return null;
        }

        var real = Path.TrimEndingDirectorySeparator(target.FullName);
        if (!RepositoryRoot.Contains(_root, real))
        {
            _notes.Add($"{Display(repositoryPath)}: not followed, the symbolic link points outside the repository");
            if (link is FileInfo && target is FileInfo && _options.Paths.Any(p => RepositoryRoot.RealEntryPath(p) == link.FullName))
            {
                _problems.Add(new DiscoveryProblem(repositoryPath, "not checked: the symbolic link points outside the repository"));
            }

            return null;
        }

        return real;
    }

    private static string Display(string repositoryPath) => repositoryPath.Length == 0 ? "." : repositoryPath;

    private sealed record Candidate(string RepositoryPath, string FullPath, string RealPath, bool ViaLink);
}
