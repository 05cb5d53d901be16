using System.Collections.Concurrent;
using LinkCheck.Core.Extraction;
using LinkCheck.Core.Model;
using LinkCheck.Core.Sites;

namespace LinkCheck.Core.Resolution;

/// <summary>
/// The anchors of pages as their site renders them: reused from this run's analyses, otherwise read once on first
/// use (a page that was not among the files checked, an HTML file of the site).
/// </summary>
public sealed class SiteAnchorStore : ISiteContext
{
    private readonly IReadOnlyDictionary<string, DocumentAnalysis> _analyzed;
    private readonly MarkdownLinkExtractor _extractor;
    private readonly long _maxFileSize;
    private readonly string _root;
    private readonly ConcurrentDictionary<(string Site, string Path), Lazy<PageAnchors>> _pages = new();

    /// <summary>Creates the store over the analyses of this run.</summary>
    public SiteAnchorStore(IReadOnlyDictionary<string, DocumentAnalysis> analyzed, MarkdownLinkExtractor extractor, long maxFileSize, string root)
    {
        _analyzed = analyzed;
        _extractor = extractor;
        _maxFileSize = maxFileSize;
        _root = root;
    }

    /// <inheritdoc />
    public PageAnchors AnchorsOf(ISite site, string repositoryPath)
    {
        if (_analyzed.TryGetValue(repositoryPath, out var known) && known.SiteAnchors is { } anchors)
        {
            return anchors;
        }

        return _pages.GetOrAdd((site.Info.Root, repositoryPath), key => new Lazy<PageAnchors>(() => Load(site, key.Path))).Value;
    }

    /// <inheritdoc />
    public string? Closest(string value, IEnumerable<string> candidates) => Resolution.Closest.Find(value, candidates);

    private PageAnchors Load(ISite site, string path)
    {
        var fullPath = Path.Combine(_root, path.Replace('/', Path.DirectorySeparatorChar));
        if (!AnchorStore.IsMarkdown(path) && !AnchorStore.IsHtml(path))
        {
            return PageAnchors.Empty;
        }

        var text = DocumentReader.TryRead(fullPath, _maxFileSize, out var error);
        if (text is null)
        {
            return new PageAnchors(AnchorIndex.Empty, [], error);
        }

        if (AnchorStore.IsHtml(path))
        {
            var ids = new List<string>();
            HtmlLinkScanner.Scan(text, [], ids);
            return new PageAnchors(new AnchorIndex(ids), []);
        }

        var analysis = _extractor.Analyze(new SourceDocument(path, fullPath), text, site);
        return analysis.Error is not null ? new PageAnchors(AnchorIndex.Empty, [], analysis.Error) : analysis.SiteAnchors ?? PageAnchors.Empty;
    }
}
