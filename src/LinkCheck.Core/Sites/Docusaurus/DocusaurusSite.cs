using System.Text.Json;
using System.Text.RegularExpressions;
using LinkCheck.Core.Model;
using LinkCheck.Core.Planning;
using LinkCheck.Core.Extraction;

namespace LinkCheck.Core.Sites.Docusaurus;

/// <summary>
/// The model of a Docusaurus site (see the README's Docusaurus section), built from the configuration file read
/// statically (<see cref="DocusaurusConfig"/>), <c>versions.json</c> and front matter:
/// <list type="bullet">
/// <item>Docs: each version's folder (<c>docs/</c>, <c>versioned_docs/version-X/</c>) under
/// <c>routeBasePath</c> + the version's path + the doc's slug (<see cref="DocusaurusRoutes.DocSlug"/>); drafts
/// (<c>draft: true</c>) are not published in a production build.</item>
/// <item>Blog posts at <c>routeBasePath</c> + <see cref="DocusaurusRoutes.BlogSlug"/>; pages of <c>src/pages</c>;
/// <c>static/x</c> at <c>/x</c>.</item>
/// <item>Links: a <c>.md</c>/<c>.mdx</c> link resolves to the URL of the doc (or post) it names, looked up among
/// the files of the same plugin only (all its versions): not across plugins (docs -&gt; blog), not to drafts, not in
/// another case (<c>@docusaurus/utils</c> <c>markdownLinks.ts</c>). One that does not resolve is left as written,
/// which leads nowhere. A path starting with <c>/</c> gets the <c>baseUrl</c> unless it already starts with it;
/// <c>@site/x</c> names a file of the site.</item>
/// </list>
/// </summary>
public sealed partial class DocusaurusSite : SiteModel
{
    // The front matter keys the model reads; a page without them needs no YAML parse.
    private static readonly string[] FrontMatterKeys = ["draft", "id", "slug", "parse_number_prefixes"];

    private readonly DocusaurusConfig _config;
    private readonly HashSet<string> _files;
    private readonly Dictionary<string, string> _filesIgnoringCase = new(StringComparer.OrdinalIgnoreCase);

    // Per plugin instance: source (repository path) -> permalink (site-relative), as sourceToPermalink holds it.
    private readonly Dictionary<string, PluginContent> _pluginOf = new(StringComparer.Ordinal);
    private readonly List<PluginContent> _contents = [];
    private readonly Dictionary<string, string> _drafts = new(StringComparer.Ordinal);

    // The content plugins the model knows, each with its versions (versions.json) when it is a docs plugin.
    private readonly List<(DocusaurusContentPlugin Plugin, List<string> Versions)> _plugins = [];

    /// <summary>Builds the model.</summary>
    /// <exception cref="SiteConfigurationException">The configuration file cannot be read.</exception>
    public DocusaurusSite(SiteSource source)
        : this(source, ReadConfig(source))
    {
    }

    private DocusaurusSite(SiteSource source, DocusaurusConfig config)
        : base(WithAddress(source.Info, config), source)
    {
        _config = config;
        _files = [.. source.Files];
        foreach (var file in source.Files)
        {
            _filesIgnoringCase.TryAdd(file, file);
        }

        // versions.json is configuration: read (and refused when invalid) before extraction, like the config file.
        foreach (var plugin in config.Plugins.Where(p => p.Unknown is null))
        {
            var prefix = plugin.Id == "default" ? string.Empty : plugin.Id + "_";
            _plugins.Add((plugin, plugin.Kind == DocusaurusContentKind.Docs ? ReadVersions(source, Info.RepositoryPath(prefix + "versions.json")) : []));
        }
    }

    /// <inheritdoc />
    protected override void AddPages(SiteSource source)
    {
        foreach (var (plugin, versions) in _plugins)
        {
            AddPlugin(source, plugin, versions);
        }

        foreach (var file in source.Files)
        {
            var relative = Info.RelativePath(file);
            if (relative.StartsWith("static/", StringComparison.Ordinal))
            {
                Publish(file, "/" + relative["static/".Length..], PageKind.StaticFile);
            }
            else if (!_pluginOf.ContainsKey(file) && !_drafts.ContainsKey(file))
            {
                Exclude(file, "it is not in a Docusaurus content folder (docs, blog, src/pages) or static/");
            }
        }
    }

    /// <inheritdoc />
    public override IReadOnlyList<string> Notes => _config.Notes;

    /// <inheritdoc />
    public override IHeadingSlugger CreateSlugger() => new DocusaurusSlugger();

    /// <inheritdoc />
    public override bool RendersLinksOf(string documentPath) =>
        base.RendersLinksOf(documentPath)
        || (!_drafts.ContainsKey(documentPath) && IsMarkdown(documentPath) && ContentOf(documentPath) is not null)
        || _config.Plugins.Any(p => p.Unknown is not null && IsUnder(documentPath, p.Path));

    /// <inheritdoc />
    public override LinkTarget Interpret(string url, LinkOccurrence occurrence)
    {
        var documentPath = occurrence.Location.File;
        var trimmed = url.Trim();
        if (trimmed.StartsWith("pathname://", StringComparison.OrdinalIgnoreCase))
        {
            // The escape hatch: not turned into a route or an asset, but still given the baseUrl.
            trimmed = trimmed["pathname://".Length..];
        }

        if (_config.Plugins.FirstOrDefault(p => p.Unknown is not null && IsUnder(documentPath, p.Path)) is { } unknown)
        {
            return Decided(documentPath, trimmed, Verdict.Skipped($"{unknown.Unknown}: the routes of {documentPath}'s plugin are not known without running Docusaurus"));
        }

        // Links whose verdict needs no page lookup (an asset, a .md link that does not resolve) are decided here, so
        // that each keeps its own target; the rest are rewritten to the URL the browser gets.
        if (LinkTargetParser.IsLocalReference(trimmed))
        {
            var (path, fragment) = SplitLocal(trimmed);
            if (path.Length > 0 && Rewrite(path, occurrence, new SiteLink(this, trimmed) { Fragment = fragment })?.Decided is { } verdict)
            {
                return Decided(documentPath, trimmed, verdict);
            }
        }

        return base.Interpret(trimmed, occurrence);
    }

    /// <inheritdoc />
    public override Publication? FindUrl(string sitePath)
    {
        if (base.FindUrl(sitePath) is { } found)
        {
            return found;
        }

        // The blog's generated pages: the list, its pages, the archive, tags and authors.
        foreach (var blog in _config.Plugins.Where(p => p.Kind == DocusaurusContentKind.Blog && p.Unknown is null))
        {
            var root = DocusaurusRoutes.Join(blog.RouteBasePath);
            var path = sitePath.Length > 1 ? sitePath.TrimEnd('/') : sitePath;
            if (path == root || (path.StartsWith(root == "/" ? "/" : root + "/", StringComparison.Ordinal) && GeneratedBlogPage().IsMatch(path[(root == "/" ? 0 : root.Length)..])))
            {
                return new Publication(Info.ConfigFile ?? Info.Root, sitePath, PageKind.StaticFile);
            }
        }

        return null;
    }

    /// <summary>A route as Docusaurus writes it under <c>trailingSlash</c> (applyTrailingSlash; the root stays <c>/</c>).</summary>
    private string WithTrailingSlash(string route) => _config.TrailingSlash switch
    {
        true when !route.EndsWith('/') => route + "/",
        false when route.Length > 1 => route.TrimEnd('/'),
        _ => route,
    };

    /// <inheritdoc />
    protected override IEnumerable<string> AlternateUrls(string sitePath)
    {
        // trailingSlash: false writes /x as x.html: a server answers /x (GitHub Pages, as Docusaurus expects for
        // that setting) but not /x/, where there is no folder.
        if (_config.TrailingSlash == false)
        {
            if (sitePath.EndsWith("/index.html", StringComparison.Ordinal))
            {
                yield return sitePath[..^"index.html".Length];
            }

            yield break;
        }

        // Otherwise Docusaurus writes /x as x/index.html; servers answer /x, /x/ and /x/index.html.
        if (sitePath.Length > 1 && sitePath.EndsWith('/'))
        {
            yield return sitePath.TrimEnd('/');
        }
        else if (sitePath.Length > 1)
        {
            yield return sitePath + "/";
        }

        if (sitePath.EndsWith("/index.html", StringComparison.Ordinal))
        {
            var folder = sitePath[..^"/index.html".Length];
            yield return folder.Length == 0 ? "/" : folder;
            yield return folder + "/";
        }
    }

    /// <inheritdoc />
    protected override SiteLink? RewriteLink(string path, LinkOccurrence occurrence, SiteLink template) => Rewrite(path, occurrence, template);

    /// <summary>What Docusaurus does with a local link: a <see cref="SiteLink"/> with the URL it becomes, or with a decided verdict.</summary>
    private SiteLink? Rewrite(string path, LinkOccurrence occurrence, SiteLink template)
    {
        var documentPath = occurrence.Location.File;
        if (path.StartsWith("@site/", StringComparison.Ordinal))
        {
            var file = Info.RepositoryPath(path["@site/".Length..]);
            if (IsMarkdown(path))
            {
                return ResolveMarkdown(path, documentPath, template);
            }

            // An asset: Docusaurus copies the file (hashed) into /assets; the build fails when it is missing.
            return template with { Decided = _files.Contains(file) ? Asset(file, occurrence) : Verdict.Broken(FindingCode.SiteBuildFails, $"no file {file}: Docusaurus cannot bundle @site/{path["@site/".Length..]} and the build fails") };
        }

        // Markdown links to .md files are rewritten (the mdx-loader's resolveMarkdownLinks); an HTML <a href>
        // in MDX is JSX and stays as written.
        if (IsMarkdown(path) && !path.Contains("://", StringComparison.Ordinal) && occurrence.Kind is not LinkKind.Html)
        {
            return ResolveMarkdown(path, documentPath, template);
        }

        if (path.StartsWith('/'))
        {
            // Docusaurus prefixes the baseUrl unless the path already starts with it.
            var sitePath = path.StartsWith(Info.BasePath, StringComparison.Ordinal) || path + "/" == Info.BasePath
                ? "/" + path[Math.Min(path.Length, Info.BasePath.Length)..]
                : path;

            // A markdown link to a file of static/ becomes an asset link too.
            return AppendsSlashTo(occurrence) && base.FindUrl(sitePath) is { Kind: PageKind.StaticFile } file && !IsHtml(file.SourcePath)
                ? template with { Decided = Asset(file.SourcePath, occurrence) }
                : template with { SitePath = sitePath };
        }

        // A relative link to a file beside the page (an image, a PDF): bundled as an asset when it exists.
        var relative = Combine(documentPath, path);
        if (relative is not null && _files.Contains(relative) && !IsMarkdown(relative))
        {
            return template with { Decided = Asset(relative, occurrence) };
        }

        return null;
    }

    /// <summary>
    /// The verdict on a link to a file Docusaurus bundles into <c>/assets</c>. With <c>trailingSlash: true</c> it
    /// writes a markdown link to it with a slash after the file name (<c>/assets/files/x-hash.pdf/</c>), which no
    /// server answers (checked with the real build); an image or an HTML link keeps its URL.
    /// </summary>
    private Verdict Asset(string file, LinkOccurrence occurrence) =>
        AppendsSlashTo(occurrence)
            ? Verdict.Broken(FindingCode.SitePageNotFound, $"with trailingSlash: true, Docusaurus writes this link to {file} with a slash after the file name (/assets/.../{Path.GetFileName(file)}/), which is broken; write it with pathname:// or as an HTML <a>")
            : new Verdict(LinkStatus.Ok, $"{file} is copied to /assets");

    /// <summary>True for a markdown link (not an image, an HTML link or the pathname:// escape) under <c>trailingSlash: true</c>.</summary>
    private bool AppendsSlashTo(LinkOccurrence occurrence) =>
        _config.TrailingSlash == true
        && occurrence.Kind is LinkKind.Link or LinkKind.Definition
        && !occurrence.Url.TrimStart().StartsWith("pathname://", StringComparison.OrdinalIgnoreCase);

    private SiteLink ResolveMarkdown(string path, string documentPath, SiteLink template)
    {
        var content = ContentOf(documentPath);
        foreach (var candidate in Candidates(path, documentPath, content))
        {
            if (content is not null && content.Permalinks.TryGetValue(candidate, out var permalink))
            {
                return template with { SitePath = permalink, SourcePath = null };
            }
        }

        return template with { Decided = Unresolved(path, documentPath, content) };
    }

    /// <summary>Where Docusaurus looks for a <c>.md</c> link (<c>markdownLinks.ts</c> <c>resolveMarkdownLinkPathname</c>).</summary>
    private IEnumerable<string> Candidates(string path, string documentPath, PluginContent? content)
    {
        if (path.StartsWith("@site/", StringComparison.Ordinal))
        {
            yield return Info.RepositoryPath(path["@site/".Length..]);
            yield break;
        }

        var contentPaths = content?.ContentPathOf(documentPath) is { } contentPath ? new[] { contentPath } : [];
        var dirs = path.StartsWith('/')
            ? [.. contentPaths, Info.Root]
            : path.StartsWith("./", StringComparison.Ordinal) || path.StartsWith("../", StringComparison.Ordinal)
                ? [Folder(documentPath)]
                : new[] { Folder(documentPath) }.Concat(contentPaths).Append(Info.Root).ToArray();
        foreach (var dir in dirs)
        {
            if (Combine(dir + "/x", path.TrimStart('/')) is { } candidate)
            {
                yield return candidate;
            }
        }
    }

    private Verdict Unresolved(string path, string documentPath, PluginContent? content)
    {
        var candidates = Candidates(path, documentPath, content).ToList();
        var existing = candidates.FirstOrDefault(_files.Contains);
        const string LeftAsWritten = "Docusaurus leaves the link as written, and it leads nowhere";
        if (existing is not null && _drafts.TryGetValue(existing, out var why))
        {
            return Verdict.Broken(FindingCode.NotPublished, $"{existing} is not published ({why}): {LeftAsWritten}");
        }

        if (existing is not null && _pluginOf.TryGetValue(existing, out var other) && other != content)
        {
            var url = Info.BasePath.TrimEnd('/') + other.Permalinks[existing];
            return Verdict.Broken(
                FindingCode.SitePageNotFound,
                $"{existing} belongs to another plugin ({other.Kind.ToString().ToLowerInvariant()} at {other.Folder}/): Docusaurus resolves .md links only within one plugin, so {LeftAsWritten}; link to its URL {url}",
                new Suggestion.ReplaceUrl(url) { IsCertain = true });
        }

        if (existing is not null)
        {
            return Verdict.Broken(FindingCode.NotPublished, $"{existing} is not published: {PublicationOf(existing).Reason ?? "it is not a page of this plugin"}");
        }

        var folded = candidates.Select(c => _filesIgnoringCase.GetValueOrDefault(c)).FirstOrDefault(c => c is not null);
        if (folded is not null)
        {
            return Verdict.Broken(FindingCode.PathCase, $"no file {candidates[0]}: {folded} differs only in case, and Docusaurus matches .md links case-sensitively, so {LeftAsWritten}", new Suggestion.ReplacePath(folded) { IsCertain = true });
        }

        // The one doc of the plugin with the same file name, if there is exactly one (a moved file).
        var name = (candidates.FirstOrDefault() ?? path).Split('/')[^1];
        var sameName = content is null ? [] : content.Permalinks.Keys.Where(k => k.EndsWith("/" + name, StringComparison.Ordinal)).Take(2).ToList();
        var closest = sameName.Count == 1 ? sameName[0] : null;
        return Verdict.Broken(
            FindingCode.FileNotFound,
            $"no file {candidates.FirstOrDefault() ?? path}: {LeftAsWritten}" + (closest is null ? string.Empty : $" (did you mean {closest}?)"),
            closest is null ? null : new Suggestion.ReplacePath(closest));
    }

    /// <summary>The plugin whose content folder holds <paramref name="file"/> (a page, or a partial such as <c>_shared.md</c> that pages import).</summary>
    private PluginContent? ContentOf(string file) =>
        _pluginOf.GetValueOrDefault(file) ?? _contents.FirstOrDefault(c => c.ContentPathOf(file) is not null);

    private void AddPlugin(SiteSource source, DocusaurusContentPlugin plugin, List<string> versions)
    {
        var folder = Info.RepositoryPath(plugin.Path);
        var content = new PluginContent(plugin.Kind, folder);
        _contents.Add(content);
        if (plugin.Kind == DocusaurusContentKind.Docs)
        {
            var prefix = plugin.Id == "default" ? string.Empty : plugin.Id + "_";
            var last = DocusaurusRoutes.LastVersion(plugin.LastVersion, versions);
            var names = plugin.IncludeCurrentVersion ? [DocusaurusRoutes.CurrentVersion, .. versions] : versions;
            foreach (var name in names)
            {
                var versionFolder = name == DocusaurusRoutes.CurrentVersion ? folder : Info.RepositoryPath($"{prefix}versioned_docs/version-{name}");
                var route = DocusaurusRoutes.Join(plugin.RouteBasePath, DocusaurusRoutes.VersionPath(name, last, plugin.VersionPaths));
                content.Versions.Add(versionFolder);
                foreach (var file in ContentFiles(source, versionFolder))
                {
                    var fields = FrontMatterFields.Read(source.ReadHead(file), FrontMatterKeys);
                    if (IsDraft(fields))
                    {
                        Draft(file);
                        continue;
                    }

                    var parse = !fields.TryGetValue("parse_number_prefixes", out var parseValue) || !parseValue.Equals("false", StringComparison.OrdinalIgnoreCase);
                    var slug = DocusaurusRoutes.DocSlug(file[(versionFolder.Length + 1)..], fields.GetValueOrDefault("id"), fields.GetValueOrDefault("slug"), parse);
                    Add(content, file, DocusaurusRoutes.Join(route, slug), PageKind.Document);
                }
            }

            return;
        }

        content.Versions.Add(folder);
        foreach (var file in ContentFiles(source, folder, pages: plugin.Kind == DocusaurusContentKind.Pages))
        {
            var relative = file[(folder.Length + 1)..];
            var markdown = IsMarkdown(file);
            var fields = markdown ? FrontMatterFields.Read(source.ReadHead(file), FrontMatterKeys) : new Dictionary<string, string>();
            if (IsDraft(fields))
            {
                Draft(file);
                continue;
            }

            var url = plugin.Kind == DocusaurusContentKind.Blog
                ? DocusaurusRoutes.Join(plugin.RouteBasePath, DocusaurusRoutes.BlogSlug(relative, fields.GetValueOrDefault("slug")))
                : DocusaurusRoutes.Join(plugin.RouteBasePath, DocusaurusRoutes.PageRoute(relative));
            Add(content, file, url, plugin.Kind == DocusaurusContentKind.Blog ? PageKind.Post : markdown ? PageKind.Page : PageKind.StaticFile);
        }
    }

    private void Add(PluginContent content, string file, string url, PageKind kind)
    {
        url = kind == PageKind.StaticFile ? url : WithTrailingSlash(url);
        Publish(file, url, kind);
        content.Permalinks[file] = url;
        _pluginOf[file] = content;
    }

    private void Draft(string file)
    {
        const string Reason = "drafts (draft: true) are not published by a production build";
        _drafts[file] = Reason;
        Exclude(file, Reason);
    }

    /// <summary>The markdown files a plugin reads from <paramref name="folder"/> (its <c>include</c> minus the default <c>exclude</c>).</summary>
    private static IEnumerable<string> ContentFiles(SiteSource source, string folder, bool pages = false)
    {
        foreach (var file in source.Files)
        {
            if (file.Length > folder.Length + 1 && file.StartsWith(folder + "/", StringComparison.Ordinal) && IsIncluded(file[(folder.Length + 1)..], pages))
            {
                yield return file;
            }
        }
    }

    /// <summary>
    /// Docusaurus's default <c>include</c> (<c>**/*.{md,mdx}</c>; pages also <c>js</c>, <c>jsx</c>, <c>ts</c>,
    /// <c>tsx</c>) and <c>exclude</c> (<c>**/_*.{...}</c>, <c>**/_*/**</c>, <c>**/*.test.{...}</c>,
    /// <c>**/__tests__/**</c>), spelled out.
    /// </summary>
    private static bool IsIncluded(string relative, bool pages)
    {
        var name = relative[(relative.LastIndexOf('/') + 1)..];
        var extension = Path.GetExtension(name).ToLowerInvariant();
        var wanted = pages ? extension is ".md" or ".mdx" or ".js" or ".jsx" or ".ts" or ".tsx" : extension is ".md" or ".mdx";
        if (!wanted)
        {
            return false;
        }

        var segments = relative.Split('/');
        if (segments.Any(s => s.StartsWith('_')) || segments.Contains("__tests__") || TestFile().IsMatch(name))
        {
            return false;
        }

        return true;
    }

    private static bool IsDraft(IReadOnlyDictionary<string, string> fields) =>
        fields.TryGetValue("draft", out var draft) && draft.Equals("true", StringComparison.OrdinalIgnoreCase);

    private static List<string> ReadVersions(SiteSource source, string path)
    {
        var text = source.ReadText(path);
        if (text is null)
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Array
                ? [.. document.RootElement.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)]
                : [];
        }
        catch (JsonException e)
        {
            throw new SiteConfigurationException($"{path}: not valid JSON: {e.Message}", e);
        }
    }

    private static DocusaurusConfig ReadConfig(SiteSource source)
    {
        var path = source.Info.ConfigFile ?? DocusaurusConfig.FileNames.Select(source.Info.RepositoryPath).FirstOrDefault(source.FileSet.Contains);
        if (path is null)
        {
            // Configured by the user on a folder without a configuration file: Docusaurus's defaults.
            return DocusaurusConfig.Parse(string.Empty);
        }

        var text = source.ReadText(path) ?? throw new SiteConfigurationException($"{path} cannot be read");
        return DocusaurusConfig.Parse(text);
    }

    private static SiteInfo WithAddress(SiteInfo info, DocusaurusConfig config)
    {
        if (info.BaseUrl is { } given)
        {
            return info with { BasePath = given.AbsolutePath.TrimEnd('/') + "/" };
        }

        var basePath = config.BaseUrl ?? "/";
        Uri? baseUrl = null;
        if (config.Url is { } url && Uri.TryCreate(url.TrimEnd('/') + basePath, UriKind.Absolute, out var combined) && combined.Scheme is "http" or "https")
        {
            baseUrl = combined;
        }

        return info with { BasePath = basePath, BaseUrl = baseUrl };
    }

    private static new bool IsMarkdown(string path)
    {
        var hash = path.IndexOfAny(['#', '?']);
        var bare = hash < 0 ? path : path[..hash];
        return bare.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || bare.EndsWith(".mdx", StringComparison.OrdinalIgnoreCase);
    }

    private bool IsUnder(string documentPath, string pluginPath)
    {
        var folder = Info.RepositoryPath(pluginPath);
        return documentPath.StartsWith(folder + "/", StringComparison.Ordinal);
    }

    private static string Folder(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? string.Empty : path[..slash];
    }

    /// <summary>The repository path of <paramref name="relative"/> next to <paramref name="file"/>, or null above the root.</summary>
    private static string? Combine(string file, string relative) => SitePaths.Join(Folder(file), relative);

    [GeneratedRegex(@"\.test\.(js|jsx|ts|tsx)$")]
    private static partial Regex TestFile();

    // /archive, /page/2, /tags, /tags/x, /tags/x/page/2, /authors, /authors/x
    [GeneratedRegex(@"^/(archive|page/\d+|tags(/[^/]+(/page/\d+)?)?|authors(/[^/]+)?)/?$")]
    private static partial Regex GeneratedBlogPage();

    /// <summary>The pages of one plugin instance and its version folders.</summary>
    private sealed class PluginContent(DocusaurusContentKind kind, string folder)
    {
        public DocusaurusContentKind Kind { get; } = kind;

        public string Folder { get; } = folder;

        public List<string> Versions { get; } = [];

        public Dictionary<string, string> Permalinks { get; } = new(StringComparer.Ordinal);

        public string? ContentPathOf(string file) =>
            Versions.Where(v => file.StartsWith(v + "/", StringComparison.Ordinal)).OrderByDescending(v => v.Length).FirstOrDefault();
    }
}
