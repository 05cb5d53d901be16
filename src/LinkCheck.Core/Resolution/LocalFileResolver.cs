using LinkCheck.Core.Discovery;
using LinkCheck.Core.Model;
using LinkCheck.Core.Planning;

namespace LinkCheck.Core.Resolution;

/// <summary>
/// Checks links to files and directories inside the repository (targets without a fragment; the
/// <see cref="FragmentResolver"/> reuses <see cref="Locate"/> for the file part of the others).
/// Paths are case-sensitive, as on Linux CI and on GitHub; a link that climbs above the root is broken
/// and nothing outside the root is read.
/// </summary>
public sealed class LocalFileResolver : ILinkResolver
{
    private readonly RepositoryFileSystem _files;
    private readonly IgnoreRules _ignore;
    private readonly RepositoryFileIndex _index;

    /// <summary>Creates the resolver over the repository's files and ignore rules.</summary>
    public LocalFileResolver(RepositoryFileSystem files, IgnoreRules ignore, RepositoryFileIndex index)
    {
        _files = files;
        _ignore = ignore;
        _index = index;
    }

    /// <summary>
    /// The repository path standard input is checked under (<see cref="StandardInputDocument"/>): it exists though no
    /// file is on disk, so its own <c>#fragments</c> resolve against its anchors.
    /// </summary>
    public string? StandardInputPath { get; init; }

    /// <inheritdoc />
    public bool CanResolve(LinkTarget target) => target.Kind == TargetKind.Local && target.Fragment is null;

    /// <inheritdoc />
    public ValueTask<Verdict> ResolveAsync(PlannedCheck check, CancellationToken cancellationToken)
    {
        var failure = Locate(check.Target, out var found);
        return ValueTask.FromResult(failure ?? IgnoredWarning(found) ?? Verdict.Ok);
    }

    /// <summary>Finds the file or directory of a local target; returns the verdict when it does not exist.</summary>
    public Verdict? Locate(LinkTarget target, out FileLookup found)
    {
        var path = target.Path ?? string.Empty;
        if (target.EscapesRoot)
        {
            found = new FileLookup(FileLookupStatus.OutsideRoot, path, null);
            return Verdict.Broken(FindingCode.OutsideRepository, "points outside the repository");
        }

        if (path == StandardInputPath)
        {
            found = new FileLookup(FileLookupStatus.File, path, null);
            return null;
        }

        found = _files.Lookup(path);
        return found.Status switch
        {
            FileLookupStatus.File when target.AsFolder => Verdict.Broken(
                FindingCode.FileNotFound,
                $"file not found: {path}/ ({path} is a file, not a folder)",
                new Suggestion.ReplacePath(found.RepositoryPath) { IsCertain = true }),
            FileLookupStatus.File or FileLookupStatus.Directory => null,
            FileLookupStatus.CaseMismatch => Verdict.Broken(
                FindingCode.PathCase,
                $"file not found: {path} (the case differs from {found.RepositoryPath}, which exists; paths are case-sensitive on GitHub and Linux)",
                new Suggestion.ReplacePath(found.RepositoryPath) { IsCertain = true }),
            FileLookupStatus.OutsideRoot => Verdict.Broken(FindingCode.OutsideRepository, $"points outside the repository: {path} is a symbolic link that leaves it"),
            _ => Missing(path, found),
        };
    }

    private Verdict Missing(string path, FileLookup found)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        var sibling = SimilarSibling(name, found.ExistingParent);
        var moved = MovedFile(name);
        var candidate = sibling ?? moved;
        // A rename is certain only when the one file of that name is also the only candidate: a similar sibling
        // makes it a guess between two.
        var certain = moved is not null && (sibling is null || sibling == moved);
        return Verdict.Broken(FindingCode.FileNotFound, $"file not found: {path}", candidate is null ? null : new Suggestion.ReplacePath(candidate) { IsCertain = certain });
    }

    /// <summary>A file in the same directory whose name is a likely typo fix (or the name with a markdown extension).</summary>
    private string? SimilarSibling(string name, string? directory)
    {
        if (directory is null || name.Length == 0)
        {
            return null;
        }

        var entries = _files.List(directory);
        var names = entries.Select(e => e.Name).ToList();
        var withExtension = PathGlobs.DefaultExtensions.Select(e => name + e).FirstOrDefault(c => names.Contains(c, StringComparer.Ordinal));
        var match = withExtension ?? Closest.Find(name, names);
        return match is null ? null : directory.Length == 0 ? match : directory + "/" + match;
    }

    /// <summary>The one file elsewhere in the repository with this exact name, if there is exactly one.</summary>
    private string? MovedFile(string name)
    {
        if (name.Length == 0 || !name.Contains('.', StringComparison.Ordinal))
        {
            return null;
        }

        var matches = _index.FindByName(name).Where(p => p.EndsWith("/" + name, StringComparison.Ordinal) || p == name).ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    /// <summary>A file that exists here but is ignored by git will not exist in the repository on GitHub.</summary>
    public Verdict? IgnoredWarning(FileLookup found) =>
        _ignore.IsIgnored(found.RepositoryPath, found.Status == FileLookupStatus.Directory)
            ? Verdict.Warning(FindingCode.TargetIgnored, $"{found.RepositoryPath} exists here but is ignored by git, so it will be missing from the repository")
            : null;
}
