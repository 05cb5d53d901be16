using LinkCheck.Core.Extraction;
using LinkCheck.Core.Model;
using LinkCheck.Core.Planning;
using LinkCheck.Core.Sites.GitHub;

namespace LinkCheck.Core.Sites;

/// <summary>
/// The sites of one run and the file -> site relation: each file belongs to the nearest enclosing site root, and
/// files outside every site to the GitHub default. The one place planning asks what a link means.
/// </summary>
public sealed class SiteMap
{
    private readonly ISite[] _byDepth;

    /// <summary>Creates the map over <paramref name="sites"/> (not including the GitHub default).</summary>
    public SiteMap(IReadOnlyList<ISite> sites, IReadOnlyList<string>? notes = null)
    {
        Sites = [.. sites.OrderBy(s => s.Info.Root, StringComparer.Ordinal)];
        _byDepth = [.. sites.OrderByDescending(s => s.Info.Root.Length)];
        Notes = notes ?? [];
    }

    /// <summary>No site: every file as GitHub renders it.</summary>
    public static SiteMap None { get; } = new([]);

    /// <summary>The sites found or configured, by root.</summary>
    public IReadOnlyList<ISite> Sites { get; }

    /// <summary>What detection has to say (a configuration that could not be read, an override of a detected site).</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>True when there is no site besides the GitHub default.</summary>
    public bool IsEmpty => Sites.Count == 0;

    /// <summary>The site <paramref name="documentPath"/> belongs to: the nearest enclosing root, else the GitHub default.</summary>
    public ISite SiteOf(string documentPath)
    {
        foreach (var site in _byDepth)
        {
            if (site.Info.Contains(documentPath))
            {
                return site;
            }
        }

        return GitHubSite.Instance;
    }

    /// <summary>How the page at <paramref name="documentPath"/> is rendered, for extraction: null for GitHub's rendering.</summary>
    public IPageRendering? RenderingOf(string documentPath) => SiteOf(documentPath) is var site and not GitHubSite ? site : null;

    /// <summary>Extraction: shows the text of <paramref name="documentPath"/> to the site it is a page of.</summary>
    public void Observe(string documentPath, string text)
    {
        if (!IsEmpty && SiteOf(documentPath) is { } site and not GitHubSite)
        {
            site.Observe(documentPath, text);
        }
    }

    /// <summary>After extraction: adds the pages to every site's model (<see cref="ISite.Complete"/>).</summary>
    public void Complete()
    {
        foreach (var site in Sites)
        {
            site.Complete();
        }
    }

    /// <summary>
    /// The target of <paramref name="url"/> written as <paramref name="occurrence"/>: a link to a site's published
    /// address is resolved against that site's model (from any document), everything else by the document's site.
    /// </summary>
    public LinkTarget Interpret(string url, LinkOccurrence occurrence)
    {
        var documentPath = occurrence.Location.File;
        if (IsEmpty)
        {
            return LinkTargetParser.Parse(url, documentPath);
        }

        var site = SiteOf(documentPath);
        if (url.StartsWith("http", StringComparison.OrdinalIgnoreCase) && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var absolute))
        {
            foreach (var other in _byDepth)
            {
                if (other.Info.BaseUrl is { } baseUrl && IsUnder(absolute, baseUrl) && (other != site || site.Tags is null || !site.Tags.HasTags(url)))
                {
                    return other.InterpretPublished(absolute, documentPath);
                }
            }
        }

        // A file the site does not publish or inline (a draft, an _underscore or excluded file) is only ever read on GitHub.
        return site.RendersLinksOf(documentPath) ? site.Interpret(url, occurrence) : LinkTargetParser.Parse(url, documentPath);
    }

    private static bool IsUnder(Uri url, Uri baseUrl)
    {
        if (!url.Host.Equals(baseUrl.Host, StringComparison.OrdinalIgnoreCase) || url.Scheme is not ("http" or "https"))
        {
            return false;
        }

        var basePath = baseUrl.AbsolutePath.TrimEnd('/') + "/";
        return url.AbsolutePath + "/" == basePath || url.AbsolutePath.StartsWith(basePath, StringComparison.Ordinal);
    }
}
