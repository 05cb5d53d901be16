using LinkCheck.Core;
using LinkCheck.Core.Sites;

namespace LinkCheck.Cli.Configuration;

/// <summary>
/// How <c>sites:</c> and <c>--site</c> become the run's site options: the file's sites (roots relative to the file),
/// then <c>--site GENERATOR=DIR</c> (relative to the working directory; it wins for a root both name), as
/// repository-relative roots; <c>none</c> in either place turns detection off.
/// </summary>
internal static class SiteSettings
{
    /// <summary>Puts the sites into <paramref name="run"/>.</summary>
    /// <exception cref="LinkCheckConfigurationException">A value names an unknown generator or a folder that is not in the repository.</exception>
    public static RunOptions Apply(RunOptions run, ConfigFile? config, IReadOnlyList<string> options)
    {
        var root = run.Check.RootDirectory;
        var result = new List<SiteOverride>();
        foreach (var site in config?.Sites ?? [])
        {
            result.Add(site with { Root = RepositoryRelative(Path.GetFullPath(site.Root, config!.Directory), root, config.Where("sites") + ": sites: root") });
        }

        var off = config?.SitesOff ?? false;
        foreach (var text in options)
        {
            if (text.Equals(SiteRegistry.NoneName, StringComparison.OrdinalIgnoreCase))
            {
                off = true;
                continue;
            }

            var equals = text.IndexOf('=', StringComparison.Ordinal);
            var generator = equals < 0 ? text : text[..equals].Trim();
            if (equals < 0 || !SiteRegistry.Names.Contains(generator, StringComparer.OrdinalIgnoreCase))
            {
                throw new LinkCheckConfigurationException($"--site '{text}': expected GENERATOR=DIR (GENERATOR one of {string.Join(", ", SiteRegistry.Names)}) or none");
            }

            var directory = text[(equals + 1)..].Trim();
            var relative = RepositoryRelative(Path.GetFullPath(directory.Length > 0 ? directory : ".", run.CurrentDirectory), root, $"--site '{text}'");
            result.RemoveAll(s => s.NormalizedRoot == relative);
            result.Add(new SiteOverride(relative, generator.ToLowerInvariant()));
        }

        return run with { Check = run.Check with { DetectSites = !off, Sites = result } };
    }

    private static string RepositoryRelative(string full, string root, string source)
    {
        if (!Directory.Exists(full))
        {
            throw new LinkCheckConfigurationException($"{source}: directory not found: {full}");
        }

        var relative = Path.GetRelativePath(root, full).Replace('\\', '/');
        return relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? throw new LinkCheckConfigurationException($"{source}: {full} is outside the repository root {root}")
            : relative == "." ? string.Empty : relative;
    }
}
