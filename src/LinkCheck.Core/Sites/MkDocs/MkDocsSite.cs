using LinkCheck.Core.Model;

using LinkCheck.Core.Extraction;

namespace LinkCheck.Core.Sites.MkDocs;

/// <summary>
/// The model of an MkDocs site, from <c>mkdocs.yml</c>, following MkDocs 1.4 (<c>mkdocs/structure/files.py</c>,
/// <c>mkdocs/structure/pages.py</c> <c>_RelativePathTreeprocessor</c>):
/// <list type="bullet">
/// <item>Only <c>docs_dir</c> (default <c>docs/</c>) is published; files and folders whose names start with a dot
/// are left out. A page <c>a/b.md</c> is published at <c>/a/b/</c> (<c>use_directory_urls: true</c>, the default) or
/// <c>/a/b.html</c>; <c>index.md</c> and <c>README.md</c> are their folder's page; other files are copied.</item>
/// <item>In markdown links and images (not raw HTML), a relative path whose last segment has a dot and that names a
/// file of <c>docs_dir</c> is rewritten to that file's URL. Anything else is left as written (MkDocs only warns) and
/// the browser resolves it against the page's URL: with directory URLs, <c>../</c> in <c>guide/setup.md</c> is the
/// <c>guide/</c> page, and a link to a file outside <c>docs_dir</c> is broken.</item>
/// <item>Heading ids follow Python-Markdown's <c>toc</c> (<see cref="MkDocsSlugger"/>), with its <c>slugify</c>
/// (<c>slugify_unicode</c> too) and <c>separator</c> options, and <c>{#id}</c> when <c>attr_list</c> is on.</item>
/// </list>
/// A file outside <c>docs_dir</c> (the README beside <c>mkdocs.yml</c>) is read on GitHub: its links are judged by
/// GitHub's rules. Not modelled: <c>exclude_docs</c> and <c>not_in_nav</c> (MkDocs 1.5), plugins that move pages
/// (i18n, blog, awesome-pages), and theme files.
/// </summary>
public sealed class MkDocsSite : SiteModel
{
    private static readonly string[] MarkdownExtensions = [".md", ".markdown", ".mdown", ".mkdn", ".mkd"];

    private readonly string _docsRoot;
    private readonly string _separator = "-";
    private readonly bool _unicode;
    private readonly bool _attrList;

    /// <summary>Builds the model from <c>mkdocs.yml</c> and the files of <c>docs_dir</c>.</summary>
    /// <exception cref="SiteConfigurationException">The configuration cannot be read.</exception>
    public MkDocsSite(SiteSource source)
        : base(Configure(source, out var config))
    {
        var docsDir = Hugo.HugoData.String(config, "docs_dir")?.Trim().Trim('/') ?? "docs";
        _docsRoot = Info.RepositoryPath(docsDir.Length == 0 || docsDir == "." ? string.Empty : docsDir);
        var directoryUrls = Hugo.HugoData.Bool(config, "use_directory_urls", true);
        foreach (var extension in Hugo.HugoData.Get(config, "markdown_extensions") as List<object?> ?? [])
        {
            var (name, options) = extension switch
            {
                string s => (s, null),
                Dictionary<string, object?> d when d.Count == 1 => (d.Keys.First(), d.Values.First() as Dictionary<string, object?>),
                _ => (string.Empty, null),
            };
            if (name is "attr_list" or "markdown.extensions.attr_list")
            {
                _attrList = true;
            }
            else if (name is "toc" or "markdown.extensions.toc" && options is not null)
            {
                _unicode = Hugo.HugoData.String(options, "slugify")?.Contains("slugify_unicode", StringComparison.Ordinal) == true;
                _separator = Hugo.HugoData.String(options, "separator") ?? "-";
            }
        }

        var prefix = _docsRoot.Length == 0 ? string.Empty : _docsRoot + "/";
        var pagesByFolder = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in source.Files.Where(f => f.StartsWith(prefix, StringComparison.Ordinal) && Stem(f) == "index" && IsMkDocsMarkdown(f)))
        {
            pagesByFolder.Add(Folder(file));
        }

        foreach (var file in source.Files)
        {
            if (!file.StartsWith(prefix, StringComparison.Ordinal))
            {
                Exclude(file, $"MkDocs publishes only docs_dir ({DisplayDocs})");
                continue;
            }

            var relative = file[prefix.Length..];
            if (relative.Split('/').Any(s => s.StartsWith('.')))
            {
                Exclude(file, "MkDocs leaves out files and folders whose names start with a dot");
                continue;
            }

            if (!IsMkDocsMarkdown(file))
            {
                Publish(file, "/" + relative, PageKind.StaticFile);
                continue;
            }

            var stem = Stem(relative);
            var folder = Folder(relative);
            if (stem == "README" && pagesByFolder.Contains(Folder(file)))
            {
                Exclude(file, "MkDocs excludes README.md when index.md is in the same folder");
                continue;
            }

            var folderUrl = "/" + (folder.Length == 0 ? string.Empty : folder + "/");
            var url = stem is "index" or "README"
                ? directoryUrls ? folderUrl : folderUrl + "index.html"
                : directoryUrls ? folderUrl + stem + "/" : folderUrl + stem + ".html";
            Publish(file, url, PageKind.Page);
        }
    }

    /// <inheritdoc />
    public override IHeadingSlugger CreateSlugger() => new MkDocsSlugger(_separator, _unicode, _attrList);

    /// <inheritdoc />
    public override IEnumerable<string> FootnoteIds(string label) => ["fn:" + label, "fnref:" + label];

    /// <inheritdoc />
    public override LinkTarget Interpret(string url, LinkOccurrence occurrence)
    {
        var documentPath = occurrence.Location.File;
        if (_docsRoot.Length > 0 && !documentPath.StartsWith(_docsRoot + "/", StringComparison.Ordinal))
        {
            // Not part of the site (the README beside mkdocs.yml): read on GitHub.
            return GitHub.GitHubSite.Instance.Interpret(url, occurrence);
        }

        return base.Interpret(url, occurrence);
    }

    /// <inheritdoc />
    protected override SiteLink? RewriteLink(string path, LinkOccurrence occurrence, SiteLink template)
    {
        // _RelativePathTreeprocessor.path_to_url: markdown <a> and <img> only; raw HTML is stashed away from it.
        if (template.FromTemplate || occurrence.Kind is not (LinkKind.Link or LinkKind.Image or LinkKind.Definition))
        {
            return null;
        }

        var last = path[(path.LastIndexOf('/') + 1)..];
        if (path.StartsWith('/') || path.StartsWith('\\') || !last.Contains('.', StringComparison.Ordinal))
        {
            return null;
        }

        var prefix = _docsRoot.Length == 0 ? string.Empty : _docsRoot + "/";
        var document = occurrence.Location.File[prefix.Length..];
        var target = NormalizePath(Folder(document), path);
        if (target is null)
        {
            return null;
        }

        var repositoryPath = prefix + target;
        return PublicationOf(repositoryPath) is { IsPublished: true } ? template with { SourcePath = repositoryPath } : null;
    }

    /// <inheritdoc />
    protected override IEnumerable<string> AlternateUrls(string sitePath)
    {
        foreach (var alternate in base.AlternateUrls(sitePath))
        {
            yield return alternate;
        }

        if (sitePath.EndsWith("/index.html", StringComparison.Ordinal))
        {
            yield return sitePath[..^"index.html".Length];
        }
        else if (!sitePath.EndsWith('/'))
        {
            yield return sitePath + "/";
        }
    }

    private string DisplayDocs => _docsRoot.Length == 0 ? "the site root" : _docsRoot + "/";

    /// <summary><c>posixpath.normpath(posixpath.join(folder, path)).lstrip('/')</c>; null when it climbs out of <c>docs_dir</c>.</summary>
    private static string? NormalizePath(string folder, string path) => SitePaths.Join(folder, path);

    private static SiteInfo Configure(SiteSource source, out Dictionary<string, object?> config)
    {
        var file = source.Info.ConfigFile;
        var text = file is null ? null : source.ReadText(file);
        config = text is null ? new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase) : Hugo.HugoData.Parse(text, "yaml", file!);
        if (source.Info.BaseUrl is null && Hugo.HugoData.String(config, "site_url") is { Length: > 0 } siteUrl
            && Uri.TryCreate(siteUrl, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            return source.Info with { BaseUrl = absolute, BasePath = absolute.AbsolutePath.TrimEnd('/') + "/" };
        }

        return source.Info;
    }

    private static bool IsMkDocsMarkdown(string path) => MarkdownExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    private static string Folder(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? string.Empty : path[..slash];
    }

    private static string Stem(string path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        var dot = name.LastIndexOf('.');
        return dot > 0 ? name[..dot] : name;
    }
}
