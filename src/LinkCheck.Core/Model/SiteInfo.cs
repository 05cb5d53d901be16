namespace LinkCheck.Core.Model;

/// <summary>Where a site is and how it is published.</summary>
/// <param name="Root">The site's root folder, repository-relative with <c>/</c> separators, empty for the repository root.</param>
/// <param name="Generator">The generator's name as the registry knows it (<c>jekyll</c>, <c>github</c>, ...).</param>
/// <param name="ConfigFile">The configuration file the site was found from (repository-relative), or null.</param>
/// <param name="Origin">Detected, configured, or the GitHub default.</param>
public sealed record SiteInfo(string Root, string Generator, string? ConfigFile, SiteOrigin Origin)
{
    /// <summary>
    /// The absolute address the site's root is published at (<c>https://user.github.io/blog/</c>), from the
    /// override or the generator's configuration; null when unknown.
    /// </summary>
    public Uri? BaseUrl { get; init; }

    /// <summary>The URL path the site is served under, starting and ending with <c>/</c> (Jekyll's <c>baseurl</c>).</summary>
    public string BasePath { get; init; } = "/";

    /// <summary>True when the repository path <paramref name="path"/> is inside the site's root.</summary>
    public bool Contains(string path) =>
        Root.Length == 0 || path == Root || (path.Length > Root.Length && path[Root.Length] == '/' && path.StartsWith(Root, StringComparison.Ordinal));

    /// <summary>The path of <paramref name="repositoryPath"/> relative to the root (the path must be inside it).</summary>
    public string RelativePath(string repositoryPath) =>
        Root.Length == 0 ? repositoryPath : repositoryPath.Length == Root.Length ? string.Empty : repositoryPath[(Root.Length + 1)..];

    /// <summary>The repository path of <paramref name="siteRelativePath"/> (a path relative to the root).</summary>
    public string RepositoryPath(string siteRelativePath) =>
        Root.Length == 0 ? siteRelativePath : siteRelativePath.Length == 0 ? Root : Root + "/" + siteRelativePath;

    /// <summary>How the site is named in reports: <c>jekyll site at docs/ (detected from docs/_config.yml)</c>.</summary>
    public override string ToString()
    {
        var where = Root.Length == 0 ? "the repository root" : Root + "/";
        var how = Origin switch
        {
            SiteOrigin.Detected => $"detected from {ConfigFile}",
            SiteOrigin.Configured => "configured",
            _ => "GitHub rendering",
        };
        var url = BaseUrl is null ? BasePath == "/" ? string.Empty : $", served under {BasePath}" : $", published at {BaseUrl}";
        return $"{Generator} site at {where} ({how}{url})";
    }
}
