using LinkCheck.Core.Model;

namespace LinkCheck.Core.Sites;

/// <summary>
/// Finds the sites of a repository: every folder whose configuration a generator of <see cref="SiteRegistry"/>
/// recognises (the first generator in registry order wins), then the user's overrides on top. A site whose
/// configuration cannot be read is left out with a note, and its files are judged as GitHub renders them.
/// </summary>
public static class SiteDetector
{
    /// <summary>Detects and builds the sites.</summary>
    /// <exception cref="LinkCheckConfigurationException">An override names an unknown generator or a missing folder.</exception>
    public static SiteMap Detect(SiteDetectionOptions options)
    {
        var notes = new List<string>();
        var roots = new SortedDictionary<string, (ISiteGenerator Generator, string? Config, SiteOrigin Origin, Uri? BaseUrl)>(StringComparer.Ordinal);
        var directories = Directories(options.Files);
        if (options.Detect)
        {
            foreach (var directory in directories.Values)
            {
                foreach (var generator in SiteRegistry.Generators)
                {
                    if (generator.Detect(directory) is { } config)
                    {
                        roots[directory.Path] = (generator, directory.PathOf(config), SiteOrigin.Detected, null);
                        break;
                    }
                }
            }
        }

        foreach (var site in options.Overrides)
        {
            var root = site.NormalizedRoot;
            if (root.Length > 0 && !directories.ContainsKey(root))
            {
                throw new LinkCheckConfigurationException($"site root not found: {site.Root} (for the {site.Generator} site)");
            }

            if (site.Generator.Equals(SiteRegistry.NoneName, StringComparison.OrdinalIgnoreCase) || site.Generator.Equals(SiteRegistry.GitHubName, StringComparison.OrdinalIgnoreCase))
            {
                if (roots.Remove(root, out var removed))
                {
                    notes.Add($"{removed.Generator.Name} site at {Display(root)} judged as GitHub renders it (configured)");
                }

                continue;
            }

            var generator = SiteRegistry.Find(site.Generator)
                ?? throw new LinkCheckConfigurationException($"unknown site generator '{site.Generator}' (known: {string.Join(", ", SiteRegistry.Names)})");
            var config = directories.TryGetValue(root, out var folder) ? generator.Detect(folder) : null;
            roots[root] = (generator, config is null ? null : folder!.PathOf(config), SiteOrigin.Configured, site.BaseUrl);
        }

        var sites = new List<ISite>();
        foreach (var (root, (generator, config, origin, baseUrl)) in roots)
        {
            var info = new SiteInfo(root, generator.Name, config, origin) { BaseUrl = baseUrl };
            var files = root.Length == 0 ? options.Files : options.Files.Where(info.Contains).ToList();
            try
            {
                var site = generator.Build(new SiteSource(info, options.RepositoryRoot, files, options.Now));
                if (!options.PagesAfterExtraction)
                {
                    site.Complete();
                }

                sites.Add(site);
                notes.AddRange(site.Notes.Select(note => $"{generator.Name} site at {Display(root)}: {note}"));
            }
            catch (SiteConfigurationException e)
            {
                notes.Add($"{generator.Name} site at {Display(root)} judged as GitHub renders it: {e.Message}");
            }
        }

        return new SiteMap(sites, notes);
    }

    private static string Display(string root) => root.Length == 0 ? "the repository root" : root + "/";

    /// <summary>Every folder that holds a file, with the names of its files and subfolders.</summary>
    private static Dictionary<string, SiteDirectory> Directories(IReadOnlyList<string> files)
    {
        var fileNames = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal) { [string.Empty] = new(StringComparer.Ordinal) };
        var folderNames = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal) { [string.Empty] = new(StringComparer.Ordinal) };
        foreach (var file in files)
        {
            var slash = file.LastIndexOf('/');
            var folder = slash < 0 ? string.Empty : file[..slash];
            Get(fileNames, folder).Add(file[(slash + 1)..]);

            // Register the folder chain up to the root (stops at the first folder already known).
            while (folder.Length > 0)
            {
                var up = folder.LastIndexOf('/');
                var parent = up < 0 ? string.Empty : folder[..up];
                if (!Get(folderNames, parent).Add(folder[(up + 1)..]))
                {
                    break;
                }

                Get(fileNames, folder);
                folder = parent;
            }
        }

        return fileNames.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(
            p => p.Key,
            p => new SiteDirectory(p.Key, p.Value, Get(folderNames, p.Key)),
            StringComparer.Ordinal);
    }

    private static HashSet<string> Get(Dictionary<string, HashSet<string>> map, string key)
    {
        if (!map.TryGetValue(key, out var set))
        {
            set = new HashSet<string>(StringComparer.Ordinal);
            map[key] = set;
        }

        return set;
    }
}
