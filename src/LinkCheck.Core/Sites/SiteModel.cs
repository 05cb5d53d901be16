using System.Collections.Concurrent;
using LinkCheck.Core.Model;
using LinkCheck.Core.Planning;
using LinkCheck.Core.Discovery;
using LinkCheck.Core.Extraction;

namespace LinkCheck.Core.Sites;

/// <summary>
/// The common part of every generator's model: the two tables (source -> publication, URL -> publication) and the
/// resolution of a link as a browser does it on the published site. A generator fills the tables
/// (<see cref="Publish"/>, <see cref="Exclude"/>) in its constructor, or, when it reads its pages' front matter, in
/// <see cref="AddPages"/>, which runs after extraction has shown it those pages (<see cref="Observe"/>), so no page is
/// read twice. It overrides the few hooks where it differs:
/// <list type="bullet">
/// <item><see cref="RewriteLink"/>: links the generator rewrites before the browser sees them (jekyll-relative-links,
/// MkDocs and mdBook <c>.md</c> links, Docusaurus doc links).</item>
/// <item><see cref="AlternateUrls"/>: what the web server also answers for a path (<c>/x</c> for <c>/x.html</c> on GitHub Pages).</item>
/// <item><see cref="OwnsUrl"/>: whether a path under the base path can only come from this site's sources (if not, a
/// missing page is checked as an external URL or skipped, never broken from guessing).</item>
/// <item><see cref="Tags"/>, <see cref="CreateSlugger"/>, <see cref="FootnoteIds"/>, <see cref="UrlComparer"/>.</item>
/// </list>
/// </summary>
public abstract class SiteModel : ISite
{
    private readonly Dictionary<string, Publication> _bySource = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Publication> _byUrl;

    // Built on the first miss from the published URLs; read without a lock afterwards (resolution runs on every core).
    private volatile UrlIndexes? _indexes;

    // The pages still to add and the heads extraction has shown so far; null once they are added, and for a model
    // built at once.
    private PendingPages? _pending;

    /// <summary>Creates an empty model; the derived constructor fills it.</summary>
    protected SiteModel(SiteInfo info)
    {
        Info = info;
        _byUrl = new Dictionary<string, Publication>(UrlComparer);
    }

    /// <summary>
    /// Creates an empty model whose pages are added later (<see cref="AddPages"/>): the derived constructor reads only
    /// the configuration, which is all extraction needs (the tags, the slugger).
    /// </summary>
    protected SiteModel(SiteInfo info, SiteSource pages)
        : this(info)
    {
        // Sized for every file of the site, so that extraction's threads never wait for the table to grow.
        _pending = new PendingPages(pages, new ConcurrentDictionary<string, string>(Environment.ProcessorCount, pages.Files.Count, StringComparer.Ordinal));
    }

    /// <inheritdoc />
    public SiteInfo Info { get; }

    /// <inheritdoc />
    public int PageCount => _byUrl.Count;

    /// <inheritdoc />
    public virtual ITemplateTagReader? Tags => null;

    /// <inheritdoc />
    public virtual IReadOnlyList<string> Notes => [];

    /// <summary>True until the pages are added: what <see cref="Observe"/> is shown is still wanted.</summary>
    protected bool AwaitsPages => _pending is not null;

    /// <inheritdoc />
    public virtual void Observe(string documentPath, string text)
    {
        if (_pending is { } pending)
        {
            pending.Heads.TryAdd(documentPath, SiteSource.HeadOf(text));
        }
    }

    /// <inheritdoc />
    public void Complete()
    {
        if (_pending is not { } pending)
        {
            return;
        }

        _pending = null;
        AddPages(pending.Source with { Observed = pending.Heads });
    }

    /// <summary>
    /// Fills the tables from the pages of <paramref name="source"/>, once, when the model is completed (only for a model
    /// created with its pages to add later). <see cref="SiteSource.ReadHead"/> answers from what extraction observed.
    /// </summary>
    protected virtual void AddPages(SiteSource source)
    {
    }

    /// <summary>Every publication by URL, for suggestions.</summary>
    protected IReadOnlyDictionary<string, Publication> Urls => _byUrl;

    /// <summary>How URL paths compare: ordinal (most servers), ignoring case (Microsoft Learn); virtual, used by the constructor.</summary>
    protected virtual StringComparer UrlComparer => StringComparer.Ordinal;

    /// <inheritdoc />
    public abstract IHeadingSlugger CreateSlugger();

    /// <inheritdoc />
    public virtual IEnumerable<string> FootnoteIds(string label) => ["fn-" + label, "fnref-" + label];

    /// <summary>Records that <paramref name="sourcePath"/> is published at <paramref name="url"/> (site-relative, leading <c>/</c>).</summary>
    protected void Publish(string sourcePath, string url, PageKind kind) => Publish(Publication.At(sourcePath, url, kind));

    /// <summary>Records a publication; the first file published at a URL keeps it (the generator's own conflict rule may differ).</summary>
    protected void Publish(Publication publication)
    {
        if (publication.Kind != PageKind.StaticFile || !_bySource.ContainsKey(publication.SourcePath))
        {
            _bySource[publication.SourcePath] = publication;
        }

        if (publication.Url is not null)
        {
            _byUrl.TryAdd(publication.Url, publication);
        }

        Invalidate();
    }

    /// <summary>Makes <paramref name="url"/> serve <paramref name="publication"/> too (another URL of the same page), without changing where its source is published.</summary>
    protected void PublishAlias(string url, Publication publication)
    {
        _byUrl.TryAdd(url, publication);
        Invalidate();
    }

    /// <summary>Takes <paramref name="url"/> off the site (a plugin moved the page elsewhere).</summary>
    protected void RemoveUrl(string url)
    {
        _byUrl.Remove(url);
        Invalidate();
    }

    /// <summary>Records that <paramref name="sourcePath"/> is not published, and why (<c>drafts are not published</c>).</summary>
    protected void Exclude(string sourcePath, string reason) => _bySource[sourcePath] = Publication.NotPublished(sourcePath, reason);

    /// <inheritdoc />
    public virtual bool RendersLinksOf(string documentPath) => PublicationOf(documentPath).IsPublished;

    /// <inheritdoc />
    public Publication PublicationOf(string sourcePath) =>
        _bySource.GetValueOrDefault(sourcePath) ?? Publication.NotPublished(sourcePath, Info.Contains(sourcePath) ? "it is not part of the site" : $"it is outside the site's root {DisplayRoot}");

    /// <inheritdoc />
    public virtual Publication? FindUrl(string sitePath)
    {
        if (_byUrl.TryGetValue(sitePath, out var found))
        {
            return found;
        }

        foreach (var alternate in AlternateUrls(sitePath))
        {
            if (_byUrl.TryGetValue(alternate, out found))
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>
    /// Other paths the web server answers <paramref name="sitePath"/> with. The default: a folder's
    /// <c>index.html</c> (with or without the trailing slash: servers redirect <c>/dir</c> to <c>/dir/</c>).
    /// </summary>
    protected virtual IEnumerable<string> AlternateUrls(string sitePath)
    {
        yield return sitePath.EndsWith('/') ? sitePath + "index.html" : sitePath + "/index.html";
    }

    /// <summary>
    /// True when nothing but this site's sources can be published at <paramref name="sitePath"/>, so a miss is a
    /// broken link. False where other content shares the host (DocFX cross-docset paths).
    /// </summary>
    protected virtual bool OwnsUrl(string sitePath) => true;

    /// <summary>
    /// Why some pages' URLs are not known without running the generator (a URL pattern the model cannot expand), or
    /// null: a miss is then skipped with this reason instead of judged broken.
    /// </summary>
    protected virtual string? UnknownUrls => null;

    /// <summary>
    /// A link the generator rewrites before the browser sees it (a relative <c>.md</c> link turned into the target
    /// page's URL). <paramref name="path"/> is the decoded path as written (no query or fragment), in
    /// <paramref name="occurrence"/> (its kind and file). Returns the
    /// <see cref="SiteLink"/> to resolve (with <see cref="SiteLink.SitePath"/> or <see cref="SiteLink.SourcePath"/>
    /// set; the fragment is filled in by the caller), or null when the generator leaves the link as written.
    /// </summary>
    protected virtual SiteLink? RewriteLink(string path, LinkOccurrence occurrence, SiteLink template) => null;

    /// <inheritdoc />
    public virtual LinkTarget Interpret(string url, LinkOccurrence occurrence)
    {
        var documentPath = occurrence.Location.File;
        var written = url;
        var fromTemplate = false;
        if (Tags is { } tags && tags.HasTags(url))
        {
            var value = tags.Evaluate(url, documentPath);
            if (value.Verdict is { } decided)
            {
                return Decided(documentPath, written, decided);
            }

            url = value.Url!;
            fromTemplate = true;
        }

        if (!LinkTargetParser.IsLocalReference(url.Trim()))
        {
            // Only local links need the site's rules; an absolute URL does when it points into the published site.
            var parsed = LinkTargetParser.Parse(url, documentPath);
            return parsed.Kind == TargetKind.Http && Info.BaseUrl is not null && IsUnderBaseUrl(parsed.Uri!)
                ? InterpretPublished(new Uri(url.Trim()), documentPath)
                : parsed;
        }

        var (path, fragment) = SplitLocal(url.Trim());
        var link = new SiteLink(this, written) { Fragment = fragment, FromTemplate = fromTemplate };
        if (path.Length == 0)
        {
            // [x](#anchor) and [x](): the page itself.
            return Target(link with { SourcePath = documentPath });
        }

        if (RewriteLink(path, occurrence, link) is { } rewritten)
        {
            return Target(rewritten);
        }

        var absolute = ResolveAgainst(PageUrl(documentPath), path);
        if (!absolute.StartsWith(Info.BasePath, StringComparison.Ordinal) && absolute + "/" != Info.BasePath)
        {
            return Outside(documentPath, written, absolute, fragment);
        }

        var sitePath = absolute + "/" == Info.BasePath ? "/" : "/" + absolute[Info.BasePath.Length..];
        return Target(link with { SitePath = sitePath });
    }

    /// <inheritdoc />
    public virtual LinkTarget InterpretPublished(Uri url, string documentPath)
    {
        var basePath = Info.BaseUrl!.AbsolutePath.TrimEnd('/') + "/";
        var path = Uri.UnescapeDataString(url.AbsolutePath);
        var sitePath = path + "/" == basePath ? "/" : "/" + path[Math.Min(path.Length, basePath.Length)..];
        var fragment = url.Fragment.Length > 1 ? Uri.UnescapeDataString(url.Fragment[1..]) : null;
        if (FindUrl(sitePath) is null && !OwnsUrl(sitePath))
        {
            return LinkTargetParser.Parse(url.OriginalString, documentPath);
        }

        return Target(new SiteLink(this, url.OriginalString) { SitePath = sitePath, Fragment = fragment });
    }

    /// <inheritdoc />
    public virtual Verdict Resolve(SiteLink link, ISiteContext context)
    {
        if (link.Decided is { } decided)
        {
            return decided;
        }

        Publication? page;
        if (link.SourcePath is { } source)
        {
            page = PublicationOf(source);
            if (!page.IsPublished)
            {
                return Verdict.Broken(FindingCode.NotPublished, $"{source} is not published: {page.Reason}");
            }
        }
        else
        {
            page = FindUrl(link.SitePath!);
            if (page is null)
            {
                return Missing(link, context);
            }
        }

        if (page.Kind == PageKind.Redirect)
        {
            return Verdict.Ok;
        }

        var fragment = link.Fragment;
        if (string.IsNullOrEmpty(fragment) || fragment.Equals("top", StringComparison.OrdinalIgnoreCase))
        {
            return Verdict.Ok;
        }

        if (page.Kind == PageKind.StaticFile && !IsHtml(page.SourcePath))
        {
            return new Verdict(LinkStatus.Ok, $"#{fragment} not checked: {page.SourcePath} is not a page");
        }

        return CheckAnchor(fragment, page, context.AnchorsOf(this, page.SourcePath), link, context);
    }

    /// <summary>The verdict for a fragment on a published page, in the site's own spelling of its headings.</summary>
    protected virtual Verdict CheckAnchor(string fragment, Publication page, PageAnchors anchors, SiteLink link, ISiteContext context)
    {
        if (anchors.Error is not null)
        {
            return Verdict.Broken(FindingCode.TargetUnreadable, $"cannot check #{fragment} in {page.SourcePath}: {anchors.Error}");
        }

        if (anchors.Anchors.Contains(fragment))
        {
            return Verdict.Ok;
        }

        var where = DisplayUrl(page);
        var certain = !link.FromTemplate;
        var spelled = anchors.Headings.FirstOrDefault(h => h.GitHubId == fragment);
        if (spelled is not null)
        {
            return Verdict.Broken(
                FindingCode.AnchorNotFound,
                $"anchor #{fragment}: this site ({Info.Generator}) spells the heading '{spelled.Text}' as #{spelled.SiteId}, not as GitHub does (in {page.SourcePath}, published at {where})",
                new Suggestion.ReplaceFragment(spelled.SiteId) { IsCertain = certain });
        }

        var folded = anchors.Anchors.FindIgnoringCase(fragment);
        if (folded is not null)
        {
            return Verdict.Broken(
                FindingCode.AnchorCase,
                $"no anchor #{fragment} on {where} (#{folded} differs only in case, and the site's ids are case-sensitive)",
                new Suggestion.ReplaceFragment(folded) { IsCertain = certain });
        }

        var closest = context.Closest(fragment, anchors.Anchors.Anchors);
        return Verdict.Broken(
            FindingCode.AnchorNotFound,
            $"no heading or anchor #{fragment} on {where} (from {page.SourcePath})",
            closest is null ? null : new Suggestion.ReplaceFragment(closest));
    }

    /// <summary>The verdict for a URL path nothing is published at, with what the site would have done.</summary>
    protected virtual Verdict Missing(SiteLink link, ISiteContext context)
    {
        var sitePath = link.SitePath!;
        var shown = Info.BasePath.TrimEnd('/') + sitePath;

        // The path names a source file directly (a link to _drafts/x.md, to a page whose permalink moved).
        var relative = sitePath.TrimStart('/');
        var source = Info.RepositoryPath(relative);
        if (relative.Length > 0 && PublicationOf(source) is { } publication && (publication.IsPublished || publication.Reason is not null) && SourceExists(source))
        {
            if (!publication.IsPublished)
            {
                return Verdict.Broken(FindingCode.NotPublished, $"no page is published at {shown}: {source} is not published ({publication.Reason})");
            }

            return Verdict.Broken(
                FindingCode.SitePageNotFound,
                $"no page is published at {shown}: {source} is published at {DisplayUrl(publication)}",
                Fix(publication, link, certain: true));
        }

        if (UnknownUrls is { } unknown)
        {
            return Verdict.Skipped($"no page is known at {shown}, but {unknown}");
        }

        if (!OwnsUrl(sitePath))
        {
            return Verdict.Skipped($"{shown} is not published by this site ({Info.Generator} at {DisplayRoot}); set base-url to check it as an external URL");
        }

        var (candidate, certainCandidate) = Candidate(sitePath, context);
        var hint = candidate is null ? string.Empty
            : IsGenerated(candidate) ? $" (did you mean {DisplayUrl(candidate)}?)"
            : $" (did you mean {DisplayUrl(candidate)}, from {candidate.SourcePath}?)";
        return Verdict.Broken(FindingCode.SitePageNotFound, $"no page is published at {shown}{hint}", candidate is null ? null : Fix(candidate, link, certainCandidate));
    }

    /// <summary>
    /// True for a page the generator makes without a source file of its own (a Hugo taxonomy page): messages then name
    /// no source. Such a publication is recorded under a made-up source path.
    /// </summary>
    protected virtual bool IsGenerated(Publication page) => false;

    /// <summary>True when the source file exists (a publication recorded for it says so).</summary>
    private bool SourceExists(string source) => _bySource.ContainsKey(source);

    /// <summary>
    /// The likeliest page meant: the one URL with the same last segment anywhere (certain: the page moved), else the
    /// closest URL in the same folder (a hint). Both come from indexes built on the first miss, so a site with
    /// thousands of pages and broken links costs lookups, not a comparison with every URL.
    /// </summary>
    private (Publication? Candidate, bool Certain) Candidate(string sitePath, ISiteContext context)
    {
        var indexes = Indexes();
        return indexes.Candidates.TryGetValue(sitePath, out var known) ? known : indexes.Candidates.GetOrAdd(sitePath, FindCandidate(sitePath, context));
    }

    private (Publication? Candidate, bool Certain) FindCandidate(string sitePath, ISiteContext context)
    {
        var (byName, byFolder, _) = Indexes();
        var name = LastSegment(sitePath);
        if (name.Length > 0 && byName.TryGetValue(name, out var same) && same.Count == 1)
        {
            return (_byUrl[same[0]], true);
        }

        // Siblings share the folder, so only the last segments are compared: the typo is there, and the allowed
        // distance (a third of the length) is then a third of the name, not of the whole URL.
        var (folder, segment) = SplitFolder(sitePath);
        var closest = byFolder.TryGetValue(folder, out var siblings) ? context.Closest(segment, siblings.Keys) : null;
        return (closest is null ? null : _byUrl[siblings![closest]], false);
    }

    private UrlIndexes Indexes()
    {
        if (_indexes is { } built)
        {
            return built;
        }

        lock (_byUrl)
        {
            if (_indexes is null)
            {
                var byName = new Dictionary<string, List<string>>(StringComparer.Ordinal);
                var byFolder = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
                foreach (var url in _byUrl.Keys.Order(StringComparer.Ordinal))
                {
                    // The raw .md copies some generators publish beside the page are not what a reader means.
                    if (IsMarkdown(url))
                    {
                        continue;
                    }

                    var key = LastSegment(url);
                    if (!byName.TryGetValue(key, out var named))
                    {
                        byName[key] = named = [];
                    }

                    // The keys are distinct (a dictionary's), so each URL is added once.
                    named.Add(url);
                    var (folder, segment) = SplitFolder(url);
                    if (!byFolder.TryGetValue(folder, out var siblings))
                    {
                        byFolder[folder] = siblings = new Dictionary<string, string>(StringComparer.Ordinal);
                    }

                    // "/a/b" and "/a/b/" share a segment: the first in order stands for both.
                    siblings.TryAdd(segment, url);
                }

                _indexes = new UrlIndexes(byName, byFolder, new(StringComparer.Ordinal));
            }

            return _indexes;
        }
    }

    /// <summary>
    /// The published URLs by last segment and by folder, and the likeliest page per missing URL found so far (links
    /// to one missing page with different fragments are distinct targets, but get one candidate).
    /// </summary>
    private sealed record UrlIndexes(
        Dictionary<string, List<string>> ByName,
        Dictionary<string, Dictionary<string, string>> ByFolder,
        ConcurrentDictionary<string, (Publication? Candidate, bool Certain)> Candidates);

    /// <summary>Forgets the indexes built from the published URLs (the model changed while it was being built).</summary>
    private void Invalidate()
    {
        // Called for every page published while the model is built: plain field writes, nothing to lock.
        _indexes = null;
    }

    /// <summary>The folder (with its trailing slash) and the last segment of a site path; a trailing slash is ignored.</summary>
    private static (string Folder, string Segment) SplitFolder(string path)
    {
        var trimmed = path.TrimEnd('/');
        var slash = trimmed.LastIndexOf('/');
        return (trimmed[..(slash + 1)], trimmed[(slash + 1)..]);
    }

    private static string LastSegment(string path)
    {
        var trimmed = path.TrimEnd('/');
        var slash = trimmed.LastIndexOf('/');
        var segment = trimmed[(slash + 1)..];
        var dot = segment.LastIndexOf('.');
        return dot > 0 ? segment[..dot] : segment;
    }

    /// <summary>A replacement URL pointing at <paramref name="page"/> (site-absolute, with the base path).</summary>
    protected Suggestion? Fix(Publication page, SiteLink link, bool certain) =>
        page.Url is null ? null : new Suggestion.ReplaceUrl(Info.BasePath.TrimEnd('/') + page.Url) { IsCertain = certain && !link.FromTemplate };

    /// <summary>The URL of a page as readers see it (with the base path).</summary>
    protected string DisplayUrl(Publication page) => Info.BasePath.TrimEnd('/') + (page.Url ?? "/");

    /// <summary>True for markdown file names (the default discovery extensions).</summary>
    protected static bool IsMarkdown(string path) => PathGlobs.DefaultExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    /// <summary>True for HTML pages.</summary>
    protected static bool IsHtml(string path) =>
        path.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".htm", StringComparison.OrdinalIgnoreCase);

    /// <summary>The root as messages name it.</summary>
    protected string DisplayRoot => Info.Root.Length == 0 ? "the repository root" : Info.Root + "/";

    /// <summary>
    /// The URL (with the base path) relative links in <paramref name="documentPath"/> are resolved against: where the
    /// page is published, or for a file that is not, where it would be if copied as it is.
    /// </summary>
    protected string PageUrl(string documentPath)
    {
        // Planning asks for every link of a document in a row: remember the last answer per thread.
        var last = _lastPageUrl;
        if (last is not null && ReferenceEquals(last.Value.Site, this) && ReferenceEquals(last.Value.Document, documentPath))
        {
            return last.Value.Url;
        }

        var publication = PublicationOf(documentPath);
        var url = Info.BasePath.TrimEnd('/') + (publication.Url ?? "/" + Info.RelativePath(documentPath));
        _lastPageUrl = (this, documentPath, url);
        return url;
    }

    [ThreadStatic]
    private static (SiteModel Site, string Document, string Url)? _lastPageUrl;

    /// <summary>A target this site resolves, keyed so that equal links are checked once.</summary>
    protected LinkTarget Target(SiteLink link)
    {
        // One string per link (planning builds a key for every link of every page).
        var key = string.Concat(
            ["site:", Info.Root, link.SourcePath is null ? ":url:" : ":src:", link.SourcePath ?? link.SitePath, link.Fragment is null ? string.Empty : "#", link.Fragment, link.FromTemplate ? ":t" : null]);
        return new LinkTarget { Kind = TargetKind.Site, Key = key, Path = link.SourcePath, Fragment = link.Fragment, Site = link };
    }

    /// <summary>A target whose verdict is already known; one per document and destination.</summary>
    protected LinkTarget Decided(string documentPath, string written, Verdict verdict) =>
        new()
        {
            Kind = TargetKind.Site,
            Key = "site:" + Info.Root + ":decided:" + documentPath + ":" + written,
            Site = new SiteLink(this, written) { Decided = verdict, FromTemplate = true },
        };

    /// <summary>A site-absolute path outside the base path: an external URL when the host is known, else skipped.</summary>
    private LinkTarget Outside(string documentPath, string written, string absolute, string? fragment)
    {
        if (Info.BaseUrl is { } baseUrl)
        {
            var url = new Uri(baseUrl, absolute + (fragment is null ? string.Empty : "#" + Uri.EscapeDataString(fragment))).AbsoluteUri;
            return LinkTargetParser.Parse(url, documentPath);
        }

        return Decided(documentPath, written, Verdict.Skipped($"{absolute} is outside this site's base path {Info.BasePath} ({Info.Generator} at {DisplayRoot}); set base-url to check it as an external URL"));
    }

    private bool IsUnderBaseUrl(Uri uri)
    {
        var baseUrl = Info.BaseUrl!;
        var basePath = baseUrl.AbsolutePath.TrimEnd('/') + "/";
        return uri.Host.Equals(baseUrl.Host, StringComparison.OrdinalIgnoreCase)
            && (uri.AbsolutePath + "/" == basePath || uri.AbsolutePath.StartsWith(basePath, StringComparison.Ordinal));
    }

    /// <summary>The decoded path and fragment of a local destination (the query does not change the page).</summary>
    protected static (string Path, string? Fragment) SplitLocal(string url)
    {
        string? fragment = null;
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            fragment = Uri.UnescapeDataString(url[(hash + 1)..]);
            url = url[..hash];
        }

        var question = url.IndexOf('?', StringComparison.Ordinal);
        if (question >= 0)
        {
            url = url[..question];
        }

        return (Uri.UnescapeDataString(url), fragment);
    }

    /// <summary>
    /// Resolves a relative reference against a page URL path (RFC 3986 §5.2, path only): a leading <c>/</c> is
    /// the host's root, anything else is relative to the page's folder; <c>.</c> and <c>..</c> are removed (a
    /// <c>..</c> above the root stays at the root, as browsers do).
    /// </summary>
    public static string ResolveAgainst(string pageUrl, string reference)
    {
        if (reference.Length > 0 && reference[0] != '/' && reference[0] != '.' && !reference.Contains("/.", StringComparison.Ordinal) && !reference.Contains("//", StringComparison.Ordinal))
        {
            // The common case, a plain relative path: nothing to normalise.
            return string.Concat(pageUrl.AsSpan(0, pageUrl.LastIndexOf('/') + 1), reference);
        }

        var merged = reference.StartsWith('/') ? reference : string.Concat(pageUrl.AsSpan(0, pageUrl.LastIndexOf('/') + 1), reference);

        // remove_dot_segments (RFC 3986 §5.2.4) in one pass: every link of every page goes through here.
        var output = merged.Length <= 512 ? stackalloc char[merged.Length + 1] : new char[merged.Length + 1];
        var length = 0;
        var start = 1;
        var lastIsDot = false;
        while (start <= merged.Length)
        {
            var end = merged.IndexOf('/', start);
            if (end < 0)
            {
                end = merged.Length;
            }

            var part = merged.AsSpan(start, end - start);
            lastIsDot = part is "." or "..";
            if (part is "..")
            {
                length = Math.Max(0, output[..length].LastIndexOf('/'));
            }
            else if (part is not ".")
            {
                output[length++] = '/';
                part.CopyTo(output[length..]);
                length += part.Length;
            }

            start = end + 1;
        }

        // A trailing "." or ".." names a folder: keep the slash.
        if (length == 0 || (lastIsDot && output[length - 1] != '/'))
        {
            output[length++] = '/';
        }

        return new string(output[..length]);
    }

    /// <summary>A model's pages, waiting for extraction to show them (<see cref="Observe"/>).</summary>
    private sealed record PendingPages(SiteSource Source, ConcurrentDictionary<string, string> Heads);
}
