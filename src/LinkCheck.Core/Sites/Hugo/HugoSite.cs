using LinkCheck.Core.Model;

using LinkCheck.Core.Extraction;

namespace LinkCheck.Core.Sites.Hugo;

/// <summary>
/// The model of a Hugo site, from its configuration and the front matter of <c>content/</c>, following Hugo 0.111
/// (the Debian package the fixture tests build with) and https://gohugo.io/content-management/urls/:
/// <list type="bullet">
/// <item>A page <c>content/a/B.md</c> is published at <c>/a/b/</c> (pretty URLs; paths are lower-cased), a leaf
/// bundle <c>content/a/b/index.md</c> at <c>/a/b/</c>, a section's <c>_index.md</c> at <c>/a/</c>; <c>slug</c> replaces
/// the last segment (lower-cased too), <c>url</c> the whole path (as written); <c>draft: true</c> is not published.</item>
/// <item>Every other file under <c>content/</c> (bundle resources) is copied as it is, beside its page; a markdown file
/// inside a leaf bundle is a resource of that page, not a page. <c>static/x</c> is served at <c>/x</c>.</item>
/// <item><c>aliases</c> become redirect pages (absolute, or relative to the page's folder).</item>
/// <item>Markdown links are not rewritten: the browser resolves them against the page's URL, so <c>other.md</c> is
/// broken on the site. <c>{{&lt; ref &gt;}}</c> and <c>{{&lt; relref &gt;}}</c> find pages as Hugo's
/// <c>hugolib/pagecollections.go</c> <c>getContentNode</c> does (case-insensitive; relative to the page, then from the
/// content root, then by unique base name); a missing page, a draft or a ref by slug stops Hugo's build.</item>
/// <item>Heading ids follow <c>markup.goldmark.parser.autoHeadingIDType</c> (<see cref="HugoSlugger"/>).</item>
/// </list>
/// <item><c>uglyURLs</c> (true, or per section): a page at <c>/a/b.html</c>, a section at <c>/a.html</c>, resources
/// still in <c>/a/b/</c>; <c>url</c> is kept as written.</item>
/// <item><c>[permalinks]</c> by section (<see cref="HugoPermalinks"/>); a pattern it cannot expand makes misses skipped.</item>
/// <item>Taxonomies (<c>tags</c>, <c>categories</c>, or the <c>[taxonomies]</c> table): a list page <c>/tags/</c> and a
/// page per urlized term that a published page uses (<see cref="AddTaxonomyPages"/>); a missing term is broken, an
/// anchor on these generated pages is skipped.</item>
/// Not modelled: multilingual sites, module mounts, taxonomy permalinks, and dates in the future.
/// </summary>
public sealed class HugoSite : SiteModel
{
    private static readonly string[] ContentExtensions = [".md", ".markdown", ".mdown", ".html", ".htm"];

    // Ref lookup keys (Hugo's content map): "/posts/my-post", "/guide/bundle", "/posts" (a section), "/" (home).
    private readonly Dictionary<string, string> _pages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _drafts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _slugs = new(StringComparer.Ordinal);
    private readonly HashSet<string> _leafBundles = new(StringComparer.Ordinal);
    private readonly string _contentRoot;
    private readonly string _staticRoot;
    private readonly bool _buildDrafts;
    private readonly string _idType;

    // uglyURLs: true publishes /a/b.html instead of /a/b/; a table of section names sets it per section.
    private readonly object? _uglyUrls;

    // [permalinks]: section name -> URL pattern of its regular pages ("/:year/:month/:title/").
    private readonly HugoPermalinks _permalinks;
    private string? _unknownUrls;
    private readonly HugoShortcodes _tags;

    // Taxonomies (plural name -> singular), and the urlized terms that published pages use, per plural name.
    private readonly Dictionary<string, string> _taxonomies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedSet<string>> _terms = new(StringComparer.Ordinal);
    private readonly bool _taxonomyPages;
    private readonly bool _termPages;

    // The URLs of the list and term pages Hugo generates (no source file, so no anchors to read).
    private readonly HashSet<string> _generated = new(StringComparer.Ordinal);

    /// <summary>Builds the model from the site's configuration and front matter.</summary>
    /// <exception cref="SiteConfigurationException">The configuration cannot be read.</exception>
    public HugoSite(SiteSource source)
        : base(Configure(source, out var config), source)
    {
        _tags = new HugoShortcodes(this);
        _contentRoot = Info.RepositoryPath(HugoData.String(config, "contentDir")?.Trim('/') ?? "content");
        _staticRoot = Info.RepositoryPath(HugoData.String(config, "staticDir")?.Trim('/') ?? "static");
        _buildDrafts = HugoData.Bool(config, "buildDrafts", false);
        _idType = HugoData.String(config, "markup.goldmark.parser.autoHeadingIDType") ?? HugoSlugger.GitHub;
        _uglyUrls = HugoData.Get(config, "uglyURLs");
        _permalinks = new HugoPermalinks(HugoData.Get(config, "permalinks"));

        // hugolib/config.go: a [taxonomies] table replaces the default tag = "tags", category = "categories".
        if (HugoData.Get(config, "taxonomies") is Dictionary<string, object?> taxonomies)
        {
            foreach (var (singular, plural) in taxonomies)
            {
                if (plural is string { Length: > 0 } name)
                {
                    _taxonomies[name.ToLowerInvariant()] = singular.ToLowerInvariant();
                }
            }
        }
        else
        {
            _taxonomies["tags"] = "tag";
            _taxonomies["categories"] = "category";
        }

        var disabled = HugoData.Strings(config, "disableKinds");
        _taxonomyPages = !disabled.Contains("taxonomy", StringComparer.OrdinalIgnoreCase);
        _termPages = !disabled.Contains("term", StringComparer.OrdinalIgnoreCase);
        foreach (var plural in _taxonomies.Keys)
        {
            _terms[plural] = new SortedSet<string>(StringComparer.Ordinal);
        }

        if (!HugoSlugger.IsKnownType(_idType))
        {
            _idType = HugoSlugger.GitHub;
        }
    }

    /// <inheritdoc />
    protected override void AddPages(SiteSource source)
    {
        var (staticRoot, buildDrafts) = (_staticRoot, _buildDrafts);
        var contentPrefix = _contentRoot + "/";
        foreach (var file in source.Files)
        {
            if (file.StartsWith(contentPrefix, StringComparison.Ordinal) && IsContent(file) && FileName(file) is "index" or "index.md")
            {
                _leafBundles.Add(Directory(file));
            }
        }

        var redirects = new List<Publication>();
        foreach (var file in source.Files)
        {
            if (file.StartsWith(staticRoot + "/", StringComparison.Ordinal))
            {
                Publish(file, "/" + file[(staticRoot.Length + 1)..], PageKind.StaticFile);
            }
            else if (!file.StartsWith(contentPrefix, StringComparison.Ordinal))
            {
                Exclude(file, $"Hugo publishes only {_contentRoot}/ and {staticRoot}/");
            }
            else if (!IsContent(file))
            {
                // Page resources and loose files are copied beside their page (a leaf bundle's follow its page's URL).
                var bundle = BundleOf(file);
                var url = bundle is null ? "/" + file[contentPrefix.Length..] : null;
                if (bundle is not null)
                {
                    var pageUrl = PageUrlOf(bundle + "/index.md", source, contentPrefix) ?? "/" + bundle[contentPrefix.Length..] + "/";
                    url = ResourceFolder(pageUrl) + file[(bundle.Length + 1)..];
                }

                Publish(file, url!, PageKind.StaticFile);
            }
            else
            {
                AddPage(file, source, contentPrefix, buildDrafts, redirects);
            }
        }

        // Redirects first: a page's own publication must stay its source entry.
        foreach (var redirect in redirects)
        {
            if (FindUrl(redirect.Url!) is null)
            {
                Publish(redirect);
            }
        }

        foreach (var page in _pages.Values.Distinct(StringComparer.Ordinal))
        {
            if (PublicationOf(page) is { IsPublished: true } publication)
            {
                Publish(publication);
            }
        }

        // The home page and first-level sections exist even without an _index.md.
        if (FindUrl("/") is null)
        {
            Publish(new Publication(_contentRoot, "/", PageKind.Page));
        }

        AddTaxonomyPages();
    }

    /// <summary>
    /// The pages Hugo generates for each taxonomy (checked with Hugo 0.111's build): its list page <c>/tags/</c>, also when
    /// no page uses a tag, and one term page per term a published page uses (<c>/tags/two-words/</c>, the term urlized as
    /// <c>paths.Sanitize</c> does; a draft's terms only with <c>buildDrafts</c>); <c>/tags.html</c>, <c>/tags/go.html</c> with
    /// <c>uglyURLs</c>; none where <c>disableKinds</c> names <c>taxonomy</c> (the list) or <c>term</c> (the terms).
    /// </summary>
    private void AddTaxonomyPages()
    {
        foreach (var (plural, terms) in _terms)
        {
            var ugly = IsUgly(plural);
            if (_taxonomyPages)
            {
                AddGenerated(_contentRoot + "/" + plural, ugly ? "/" + plural + ".html" : "/" + plural + "/");
            }

            foreach (var term in _termPages ? terms : [])
            {
                AddGenerated(_contentRoot + "/" + plural + "/" + term, "/" + plural + "/" + term + (ugly ? ".html" : "/"));
            }
        }
    }

    private void AddGenerated(string source, string url)
    {
        // A content/tags/_index.md (or content/tags/go/_index.md) is already that page, with its own anchors.
        if (FindUrl(url) is null)
        {
            Publish(new Publication(source, url, PageKind.Page));
            _generated.Add(url);
        }
    }

    /// <inheritdoc />
    public override ITemplateTagReader? Tags => _tags;

    /// <inheritdoc />
    public override IHeadingSlugger CreateSlugger() => new HugoSlugger(_idType);

    /// <inheritdoc />
    public override IEnumerable<string> FootnoteIds(string label) => ["fn:" + label, "fnref:" + label];

    /// <summary>
    /// What <c>{{&lt; ref "x" &gt;}}</c> (an absolute URL with <c>baseURL</c>) or <c>relref</c> (root-relative) in
    /// <paramref name="documentPath"/> becomes: the page's URL path with the base path (both reach the same page),
    /// or Hugo's REF_NOT_FOUND build failure.
    /// </summary>
    public TemplateValue EvaluateRef(string shortcode, string reference, string documentPath)
    {
        var hash = reference.IndexOf('#', StringComparison.Ordinal);
        var fragment = hash < 0 ? string.Empty : reference[hash..];
        var path = hash < 0 ? reference : reference[..hash];
        if (path.Length == 0)
        {
            return TemplateValue.Of(PageUrl(documentPath) + fragment);
        }

        var (found, ambiguous) = Lookup(path, documentPath);
        if (found is not null)
        {
            var page = PublicationOf(found);
            return TemplateValue.Of(Info.BasePath.TrimEnd('/') + page.Url + fragment);
        }

        var written = $"{{{{< {shortcode} \"{reference}\" >}}}}";
        if (ambiguous)
        {
            return TemplateValue.BuildFails($"Hugo's build fails: {written}: page reference \"{path}\" is ambiguous (more than one page has that name); give its path from {_contentRoot}/");
        }

        var name = Key(path.Trim().ToLowerInvariant());
        var why = _drafts.FirstOrDefault(d => d.Key == name || d.Key.EndsWith(name, StringComparison.Ordinal) || Last(d.Key) == Last(name)) is { Key: not null } draft
            ? $"{draft.Value} is a draft (draft: true), which Hugo does not publish"
            : _slugs.TryGetValue(Last(name), out var slugged)
                ? $"'{Last(name)}' is the slug of {slugged}; ref and relref take the content path ({slugged[(_contentRoot.Length + 1)..]})"
                : $"no page under {_contentRoot}/ has that path or name";
        return TemplateValue.BuildFails($"Hugo's build fails (REF_NOT_FOUND): {written}: {why}");
    }

    /// <inheritdoc />
    public override LinkTarget Interpret(string url, LinkOccurrence occurrence)
    {
        var documentPath = occurrence.Location.File;
        // A file outside content/ (a README beside hugo.toml) is read on GitHub, not on the site.
        if (!documentPath.StartsWith(_contentRoot + "/", StringComparison.Ordinal))
        {
            return GitHub.GitHubSite.Instance.Interpret(url, occurrence);
        }

        return base.Interpret(url, occurrence);
    }

    /// <inheritdoc />
    protected override SiteLink? RewriteLink(string path, LinkOccurrence occurrence, SiteLink template)
    {
        var documentPath = occurrence.Location.File;
        // Hugo leaves .md links as written; say where the page really is when the browser finds nothing there.
        if (!IsContent(path) || path.StartsWith('/') || path.Contains("://", StringComparison.Ordinal))
        {
            return null;
        }

        var absolute = ResolveAgainst(PageUrl(documentPath), path);
        var sitePath = absolute.StartsWith(Info.BasePath, StringComparison.Ordinal) ? "/" + absolute[Info.BasePath.Length..] : null;
        if (sitePath is null || FindUrl(sitePath) is not null)
        {
            return null;
        }

        var target = ResolveAgainst("/" + documentPath, path).TrimStart('/');
        var shown = Info.BasePath.TrimEnd('/') + sitePath;
        Verdict verdict;
        var publication = PublicationOf(target);
        if (publication.IsPublished && publication.Kind != PageKind.StaticFile)
        {
            verdict = Verdict.Broken(
                FindingCode.SitePageNotFound,
                $"Hugo does not rewrite links to markdown files: the browser asks for {shown}, where nothing is published; {target} is published at {DisplayUrl(publication)} (link to that, or use {{{{< relref \"{path}\" >}}}})",
                Fix(publication, template, certain: true));
        }
        else if (publication.Reason is not null && _pages.ContainsValue(target) is false && _drafts.ContainsValue(target))
        {
            verdict = Verdict.Broken(FindingCode.NotPublished, $"Hugo does not rewrite links to markdown files, and {target} is not published ({publication.Reason})");
        }
        else
        {
            return null;
        }

        return template with { SitePath = sitePath, Decided = verdict };
    }

    /// <inheritdoc />
    /// <remarks>Taxonomy pages, and the home page Hugo makes when there is no <c>_index.md</c> (recorded under the content folder).</remarks>
    protected override bool IsGenerated(Publication page) =>
        (page.Url is { } url && _generated.Contains(url)) || page.SourcePath == _contentRoot;

    /// <inheritdoc />
    public override Verdict Resolve(SiteLink link, ISiteContext context)
    {
        // A taxonomy or term page has no source: its ids come from the theme's layout, which the model does not read.
        if (link is { Decided: null, SourcePath: null, Fragment: { Length: > 0 } fragment, SitePath: { } sitePath }
            && !fragment.Equals("top", StringComparison.OrdinalIgnoreCase)
            && FindUrl(sitePath) is { Url: { } url } && _generated.Contains(url))
        {
            return Verdict.Skipped($"#{fragment} not checked: {Info.BasePath.TrimEnd('/') + url} is a taxonomy page that Hugo generates, whose anchors come from the theme's layouts");
        }

        return base.Resolve(link, context);
    }

    /// <inheritdoc />
    protected override Verdict Missing(SiteLink link, ISiteContext context)
    {
        // The path a page would have without its slug, url or draft flag: say where that page really is.
        var key = Key(link.SitePath!.ToLowerInvariant());
        var shown = Info.BasePath.TrimEnd('/') + link.SitePath;
        if (_pages.TryGetValue(key, out var source) && PublicationOf(source) is { IsPublished: true } page)
        {
            return Verdict.Broken(
                FindingCode.SitePageNotFound,
                $"no page is published at {shown}: {source} is published at {DisplayUrl(page)}",
                Fix(page, link, certain: true));
        }

        if (_drafts.TryGetValue(key, out var draft))
        {
            return Verdict.Broken(FindingCode.NotPublished, $"no page is published at {shown}: {draft} is a draft (draft: true), which Hugo does not publish");
        }

        return MissingTaxonomyPage(link, shown, context) ?? base.Missing(link, context);
    }

    /// <summary>Why nothing is published under a taxonomy's URL: the kind is disabled, or no published page uses the term.</summary>
    private Verdict? MissingTaxonomyPage(SiteLink link, string shown, ISiteContext context)
    {
        var path = link.SitePath!.Trim('/');
        var slash = path.IndexOf('/');
        var plural = slash < 0 ? (path.EndsWith(".html", StringComparison.Ordinal) ? path[..^".html".Length] : path) : path[..slash];
        if (!_terms.TryGetValue(plural, out var terms) || UnknownUrls is not null)
        {
            return null;
        }

        if (slash < 0)
        {
            return _taxonomyPages ? null : Verdict.Broken(FindingCode.SitePageNotFound, $"no page is published at {shown}: disableKinds contains \"taxonomy\", so Hugo does not publish the list of {plural}");
        }

        if (!_termPages)
        {
            return Verdict.Broken(FindingCode.SitePageNotFound, $"no page is published at {shown}: disableKinds contains \"term\", so Hugo publishes no page per {_taxonomies[plural]}");
        }

        var term = path[(slash + 1)..];
        term = term.EndsWith(".html", StringComparison.Ordinal) ? term[..^".html".Length] : term;
        if (terms.Contains(term))
        {
            return null;
        }

        var used = terms.Count == 0 ? "none" : string.Join(", ", terms.Take(10)) + (terms.Count > 10 ? ", …" : string.Empty);

        // A term written as in front matter ('Two Words') is published urlized (two-words): that fix is certain.
        var urlized = HugoPermalinks.Urlize(term);
        var certain = terms.Contains(urlized);
        var near = certain ? urlized : context.Closest(term, terms);
        var closest = near is null ? null : FindUrl("/" + plural + "/" + near + (IsUgly(plural) ? ".html" : "/"));
        var hint = certain ? $"; Hugo publishes the {_taxonomies[plural]} '{term}' urlized, at {DisplayUrl(closest!)}" : $" ({plural} used: {used})";
        return Verdict.Broken(
            FindingCode.SitePageNotFound,
            $"no page is published at {shown}: no published page has the {_taxonomies[plural]} '{term}' in its front matter{hint}",
            closest is null ? null : Fix(closest, link, certain));
    }

    /// <inheritdoc />
    protected override IEnumerable<string> AlternateUrls(string sitePath)
    {
        if (sitePath.EndsWith("/index.html", StringComparison.Ordinal))
        {
            yield return sitePath[..^"index.html".Length];
        }
        else if (!sitePath.EndsWith('/'))
        {
            yield return sitePath + "/";
        }
    }

    /// <inheritdoc />
    protected override bool OwnsUrl(string sitePath) => !sitePath.EndsWith(".xml", StringComparison.Ordinal);

    private void AddPage(string file, SiteSource source, string contentPrefix, bool buildDrafts, List<Publication> redirects)
    {
        var relative = file[contentPrefix.Length..];
        var key = Key("/" + relative.ToLowerInvariant());
        var bundle = BundleOf(file);
        if (bundle is not null && Directory(file) != bundle)
        {
            Exclude(file, $"a content file inside the leaf bundle {bundle}/ is a resource of that page, not a page");
            return;
        }

        if (bundle is not null && FileName(file) != "index")
        {
            Exclude(file, $"a content file inside the leaf bundle {bundle}/ is a resource of that page, not a page");
            return;
        }

        var front = HugoData.FrontMatter(source.ReadHead(file));
        if (HugoData.Bool(front, "draft", false) && !buildDrafts)
        {
            _drafts[key] = file;
            Exclude(file, "drafts are not published (draft: true)");
            return;
        }

        foreach (var (plural, terms) in _terms)
        {
            foreach (var term in HugoData.Strings(front, plural))
            {
                if (HugoPermalinks.Urlize(term) is { Length: > 0 } urlized)
                {
                    terms.Add(urlized);
                }
            }
        }

        if (HugoData.String(front, "slug") is { Length: > 0 } slug)
        {
            _slugs.TryAdd(slug.ToLowerInvariant(), file);
        }

        var url = PageUrlOf(file, front, contentPrefix);
        Publish(file, url, PageKind.Page);
        _pages[key] = file;
        var name = Last(key);
        if (name.Length > 0)
        {
            _byName[name] = _byName.ContainsKey(name) ? null : file;
        }

        var folder = Directory(relative);
        foreach (var alias in HugoData.Strings(front, "aliases"))
        {
            // A relative alias is relative to the page's URL (its folder under permalinks), as the real build shows.
            var target = alias.StartsWith('/') ? alias : url[..(url.TrimEnd('/').LastIndexOf('/') + 1)] + alias;
            if (_uglyUrls is true && !HasExtension(target))
            {
                // With uglyURLs on for the whole site, Hugo writes alias pages as /old/path.html (checked with the real build).
                target = target.TrimEnd('/') + ".html";
            }
            else if (!target.EndsWith('/') && !HasExtension(target))
            {
                target += "/";
            }

            redirects.Add(new Publication(file, target, PageKind.Redirect) { RedirectTo = url });
        }
    }

    /// <summary>The folder a page's resources are copied to: the page's own folder, also with ugly URLs (<c>/a/b.html</c> keeps them in <c>/a/b/</c>).</summary>
    private static string ResourceFolder(string pageUrl) =>
        pageUrl.EndsWith('/') ? pageUrl : pageUrl[..pageUrl.LastIndexOf('.')] + "/";

    /// <summary>True when <c>uglyURLs</c> applies to pages of <paramref name="section"/> (the first folder under content).</summary>
    private bool IsUgly(string section) => _uglyUrls switch
    {
        bool all => all,
        Dictionary<string, object?> bySection => HugoData.Bool(bySection, section, false),
        _ => false,
    };

    private string? PageUrlOf(string file, SiteSource source, string contentPrefix)
    {
        var front = HugoData.FrontMatter(source.ReadHead(file));
        return source.FileSet.Contains(file) ? PageUrlOf(file, front, contentPrefix) : null;
    }

    /// <summary>The URL of a content page (see the class summary).</summary>
    private string PageUrlOf(string file, Dictionary<string, object?> front, string contentPrefix)
    {
        var pretty = PrettyUrlOf(file, front, contentPrefix);
        if (HugoData.String(front, "url") is { Length: > 0 } || pretty == "/")
        {
            return pretty;
        }

        var relative = file[contentPrefix.Length..];
        var slash = relative.IndexOf('/');
        var section = (slash < 0 ? string.Empty : relative[..slash]).ToLowerInvariant();
        if (FileName(relative) != "_index" && _permalinks.PatternOf(section) is { } pattern)
        {
            var name = FileName(relative) == "index" ? FileName(Directory(relative)) : FileName(relative);
            if (HugoPermalinks.Expand(pattern, section, name, front) is { } expanded)
            {
                return expanded;
            }

            _unknownUrls ??= $"the pages of section '{section}' are published by the permalink pattern '{pattern}', which linkcheck cannot expand";
            return pretty;
        }

        // Hugo 0.111 with uglyURLs (checked with the real build): /a/b/ becomes /a/b.html, a section /a/ becomes /a.html.
        return IsUgly(section) ? pretty.TrimEnd('/') + ".html" : pretty;
    }

    /// <inheritdoc />
    protected override string? UnknownUrls => _unknownUrls;

    /// <summary>The URL of a content page with pretty URLs (Hugo's default).</summary>
    private static string PrettyUrlOf(string file, Dictionary<string, object?> front, string contentPrefix)
    {
        if (HugoData.String(front, "url") is { Length: > 0 } url)
        {
            url = "/" + url.TrimStart('/');
            return url.EndsWith('/') || HasExtension(url) ? url : url + "/";
        }

        var relative = file[contentPrefix.Length..];
        var folder = Directory(relative);
        var name = FileName(relative);
        if (name == "_index")
        {
            return folder.Length == 0 ? "/" : "/" + folder.ToLowerInvariant() + "/";
        }

        if (name == "index")
        {
            // A leaf bundle: the folder is the page's name.
            name = FileName(folder);
            folder = Directory(folder);
            if (name.Length == 0)
            {
                return "/";
            }
        }

        if (HugoData.String(front, "slug") is { Length: > 0 } slug)
        {
            name = slug;
        }

        return "/" + (folder.Length == 0 ? string.Empty : folder + "/").ToLowerInvariant() + name.ToLowerInvariant() + "/";
    }

    /// <summary>Hugo's page lookup for ref/relref (<c>getContentNode</c>, <c>getSectionOrPage</c>, <c>shouldDoSimpleLookup</c>).</summary>
    private (string? Source, bool Ambiguous) Lookup(string reference, string documentPath)
    {
        var written = reference.Trim().ToLowerInvariant().Replace('\\', '/');
        if (written.Length == 0)
        {
            written = "/";
        }

        var navUp = written.StartsWith("..", StringComparison.Ordinal);
        var slashes = written.Count(c => c == '/');
        var simple = written[0] != '.' && (slashes == 0 || (slashes == 1 && written[0] == '/'));
        var candidate = written;
        if (!written.StartsWith('/'))
        {
            var folder = Directory(documentPath[(_contentRoot.Length + 1)..]).ToLowerInvariant();
            if (FileName(documentPath) == "index" && !navUp)
            {
                // A leaf bundle's page looks from its bundle's parent folder.
                folder = Directory(folder);
            }

            candidate = ResolveAgainst("/" + (folder.Length == 0 ? string.Empty : folder + "/"), written);
        }

        if (_pages.TryGetValue(Key(candidate), out var found))
        {
            return (found, false);
        }

        if (!written.StartsWith('/') && _pages.TryGetValue(Key("/" + written), out found))
        {
            return (found, false);
        }

        if (simple && _byName.TryGetValue(Last(Key(candidate)), out var byName))
        {
            return (byName, byName is null);
        }

        return (null, false);
    }

    /// <summary>A lookup key: the path without its extension, <c>/index</c> and <c>/_index</c>, and the trailing slash.</summary>
    private static string Key(string path)
    {
        path = "/" + path.Trim('/');
        var slash = path.LastIndexOf('/');
        var dot = path.LastIndexOf('.');
        if (dot > slash)
        {
            path = path[..dot];
        }

        foreach (var suffix in (string[])["/index", "/_index"])
        {
            if (path.EndsWith(suffix, StringComparison.Ordinal))
            {
                path = path[..^suffix.Length];
            }
        }

        return path.Length == 0 ? "/" : path;
    }

    private static SiteInfo Configure(SiteSource source, out Dictionary<string, object?> config)
    {
        var file = source.Info.ConfigFile;
        var text = file is null ? null : source.ReadText(file);
        if (file is null || text is null)
        {
            config = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            return source.Info;
        }

        var extension = Path.GetExtension(file).TrimStart('.').ToLowerInvariant();
        config = HugoData.Parse(text, extension == "yml" ? "yaml" : extension, file);
        if (source.Info.BaseUrl is not null || HugoData.String(config, "baseURL") is not { Length: > 0 } baseUrl)
        {
            return source.Info;
        }

        if (Uri.TryCreate(baseUrl, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            return source.Info with { BaseUrl = absolute, BasePath = absolute.AbsolutePath.TrimEnd('/') + "/" };
        }

        return baseUrl.StartsWith('/') ? source.Info with { BasePath = baseUrl.TrimEnd('/') + "/" } : source.Info;
    }

    private string? BundleOf(string file)
    {
        for (var folder = Directory(file); folder.Length > _contentRoot.Length; folder = Directory(folder))
        {
            if (_leafBundles.Contains(folder))
            {
                return folder;
            }
        }

        return null;
    }

    private static bool IsContent(string path) => ContentExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    private static bool HasExtension(string url)
    {
        var last = url[(url.LastIndexOf('/') + 1)..];
        return last.Contains('.', StringComparison.Ordinal);
    }

    private static string Directory(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? string.Empty : path[..slash];
    }

    private static string FileName(string path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        var dot = name.LastIndexOf('.');
        return dot > 0 ? name[..dot] : name;
    }

    private static string Last(string key) => key[(key.LastIndexOf('/') + 1)..];
}
