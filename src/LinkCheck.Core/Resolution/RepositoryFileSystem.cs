using System.Collections.Concurrent;
using LinkCheck.Core.Discovery;
using LinkCheck.Core.Model;

namespace LinkCheck.Core.Resolution;

/// <summary>
/// Answers existence questions about repository paths the way Linux CI and GitHub do, on any OS: names are
/// compared case-sensitively segment by segment from directory listings (so macOS and Windows give the same
/// verdict), symbolic links are followed only while they stay inside the root, and nothing outside the root
/// is ever opened. Listings are cached; safe to use from many threads.
/// </summary>
public sealed class RepositoryFileSystem
{
    private readonly ConcurrentDictionary<string, Listing> _listings = new(StringComparer.Ordinal);

    /// <summary>Creates the view of the repository at <paramref name="root"/> (a real, absolute path).</summary>
    public RepositoryFileSystem(string root) => Root = root;

    /// <summary>The repository root.</summary>
    public string Root { get; }

    /// <summary>Looks <paramref name="repositoryPath"/> up (<c>/</c>-separated, empty for the root).</summary>
    public FileLookup Lookup(string repositoryPath)
    {
        if (repositoryPath.Length == 0)
        {
            return new FileLookup(FileLookupStatus.Directory, string.Empty, Root);
        }

        var segments = repositoryPath.Split('/');
        var directory = Root;
        var spelled = new List<string>(segments.Length);
        var caseDiffers = false;
        for (var i = 0; i < segments.Length; i++)
        {
            var listing = GetListing(directory);
            var name = segments[i];
            if (!listing.Entries.TryGetValue(name, out var entry))
            {
                if (!listing.Folded.TryGetValue(name, out var realName))
                {
                    return new FileLookup(FileLookupStatus.Missing, repositoryPath, null, caseDiffers ? null : string.Join('/', spelled));
                }

                caseDiffers = true;
                name = realName;
                entry = listing.Entries[realName];
            }

            spelled.Add(name);
            var full = entry.Target;
            if (full is null)
            {
                return new FileLookup(entry.OutsideRoot ? FileLookupStatus.OutsideRoot : FileLookupStatus.Missing, repositoryPath, null);
            }

            var last = i == segments.Length - 1;
            if (!last)
            {
                if (!entry.IsDirectory)
                {
                    return new FileLookup(FileLookupStatus.Missing, repositoryPath, null, caseDiffers ? null : string.Join('/', spelled.Take(spelled.Count - 1)));
                }

                directory = full;
                continue;
            }

            var status = caseDiffers ? FileLookupStatus.CaseMismatch : entry.IsDirectory ? FileLookupStatus.Directory : FileLookupStatus.File;
            return new FileLookup(status, string.Join('/', spelled), full);
        }

        return new FileLookup(FileLookupStatus.Missing, repositoryPath, null);
    }

    /// <summary>The names in a directory of the repository (empty when it does not exist), sorted ordinally.</summary>
    public IReadOnlyList<(string Name, bool IsDirectory)> List(string repositoryDirectory)
    {
        var lookup = Lookup(repositoryDirectory);
        if (lookup.Status != FileLookupStatus.Directory || lookup.FullPath is null)
        {
            return [];
        }

        return GetListing(lookup.FullPath).Existing;
    }

    private Listing GetListing(string directory) => _listings.GetOrAdd(directory, Read);

    private Listing Read(string directory)
    {
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        var folded = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        FileSystemInfo[] infos;
        try
        {
            infos = new DirectoryInfo(directory).GetFileSystemInfos();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            infos = [];
        }

        Array.Sort(infos, static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        foreach (var info in infos)
        {
            var entry = Describe(info);
            entries[info.Name] = entry;
            folded.TryAdd(info.Name, info.Name);
        }

        var existing = entries.Where(e => e.Value.Target is not null).Select(e => (e.Key, e.Value.IsDirectory)).ToList();
        return new Listing(entries, folded, existing);
    }

    private Entry Describe(FileSystemInfo info)
    {
        if (info.LinkTarget is null)
        {
            return new Entry(info.FullName, info is DirectoryInfo, OutsideRoot: false);
        }

        try
        {
            var target = info.ResolveLinkTarget(returnFinalTarget: true);
            if (target is null || !target.Exists)
            {
                return new Entry(null, false, OutsideRoot: false);
            }

            var real = Path.TrimEndingDirectorySeparator(target.FullName);
            return RepositoryRoot.Contains(Root, real)
                ? new Entry(real, target is DirectoryInfo, OutsideRoot: false)
                : new Entry(null, false, OutsideRoot: true);
        }
        catch (IOException)
        {
            return new Entry(null, false, OutsideRoot: false);
        }
    }

    private sealed record Entry(string? Target, bool IsDirectory, bool OutsideRoot);

    private sealed record Listing(Dictionary<string, Entry> Entries, Dictionary<string, string> Folded, IReadOnlyList<(string Name, bool IsDirectory)> Existing);
}
