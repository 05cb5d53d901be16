using System.Globalization;
using System.Text.RegularExpressions;
using LinkCheck.Core.Extraction;
using LinkCheck.Core.Model;
using LinkCheck.Core.Planning;

namespace LinkCheck.Core.Sites.Jekyll;

/// <summary>
/// The model of a Jekyll site, built from <c>_config.yml</c> and front matter as Jekyll 4.3 builds it
/// (lib/jekyll/reader.rb, entry_filter.rb, page.rb, document.rb, url.rb), with GitHub Pages' default plugins:
/// <list type="bullet">
/// <item>Unpublished: names starting with <c>_</c>, <c>.</c>, <c>#</c> or <c>~</c> (unless in <c>include:</c>),
/// <c>exclude:</c>, <c>_drafts</c>, <c>published: false</c>, posts dated after the build (<c>future: false</c>),
/// collections without <c>output: true</c>.</item>
/// <item>Posts: <c>_posts/YYYY-MM-DD-title.md</c> under the global permalink style or template, or their own
/// <c>permalink</c>; <c>date</c>, <c>slug</c> and <c>categories</c> from front matter; folders above <c>_posts</c> are categories.</item>
/// <item>Pages: <c>/:path/:basename:output_ext</c> (with the style's suffix), or their <c>permalink</c>.</item>
/// <item>jekyll-optional-front-matter: markdown without front matter is a page, and the raw <c>.md</c> is copied too;
/// jekyll-readme-index: a README is its folder's index when there is none; jekyll-relative-links: markdown links
/// in pages (not posts or collections, unless <c>relative_links: collections: true</c>) to an existing file become
/// that file's URL with <c>baseurl</c>.</item>
/// <item>GitHub Pages serves <c>/x</c> for <c>/x.html</c>, and a folder's <c>index.html</c>.</item>
/// </list>
/// </summary>
public sealed partial class JekyllSite : SiteModel
{
    // exclude: patterns are matched against every file of the site: compile each once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Regex> Globs = new(StringComparer.Ordinal);

    private readonly Dictionary<string, Publication> _posts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _drafts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _sourceFiles;

    /// <summary>Builds the model from the site's configuration and front matter.</summary>
    /// <exception cref="SiteConfigurationException">The configuration is not valid YAML.</exception>
    public JekyllSite(SiteSource source)
        : this(source, ReadConfig(source))
    {
    }

    private JekyllSite(SiteSource source, JekyllConfig config)
        : base(WithPublication(source.Info, config), source)
    {
        Config = config;
        Tags = new LiquidTagReader(this);
        _sourceFiles = [.. source.Files];
    }

    /// <inheritdoc />
    protected override void AddPages(SiteSource source)
    {
        var config = Config;
        var now = DateOnly.FromDateTime(source.Now.UtcDateTime);
        var files = source.Files.Select(f => (Repository: f, Relative: Info.RelativePath(f))).ToList();
        var indexes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (repository, relative) in files)
        {
            var kind = Classify(relative, out var reason, out var collection);
            switch (kind)
            {
                case EntryKind.Excluded:
                    Exclude(repository, reason!);
                    break;
                case EntryKind.Draft:
                    _drafts[Path.GetFileNameWithoutExtension(relative)] = repository;
                    Exclude(repository, reason!);
                    break;
                case EntryKind.Post:
                    AddPost(source, repository, relative, now);
                    break;
                case EntryKind.Collection:
                    AddCollectionDocument(source, repository, relative, collection!);
                    break;
                default:
                    AddPageOrFile(source, repository, relative, indexes);
                    break;
            }
        }

        // jekyll-readme-index (lib/jekyll-readme-index/generator.rb): a README becomes its folder's index.
        if (config.ReadmeIndex)
        {
            foreach (var (repository, relative) in files)
            {
                var name = Path.GetFileName(relative);
                var folder = Path.GetDirectoryName(relative)?.Replace('\\', '/') ?? string.Empty;
                if (IsReadme(name) && !indexes.Contains(folder) && PublicationOf(repository) is { IsPublished: true, Kind: PageKind.Page })
                {
                    indexes.Add(folder);
                    var old = PublicationOf(repository).Url!;
                    RemoveUrl(old);
                    RemoveUrl(old.EndsWith(".html", StringComparison.Ordinal) ? old[..^5] : old);
                    Publish(repository, folder.Length == 0 ? "/" : "/" + folder + "/", PageKind.Page);
                }
            }
        }

        // Pages the GitHub Pages build adds (jekyll-feed, jekyll-sitemap, 404): links to them are not broken.
        if (config.Plugins.Contains("jekyll-feed"))
        {
            Publish(Info.RepositoryPath("feed.xml"), "/feed.xml", PageKind.StaticFile);
        }

        if (config.Plugins.Contains("jekyll-sitemap"))
        {
            Publish(Info.RepositoryPath("sitemap.xml"), "/sitemap.xml", PageKind.StaticFile);
        }
    }

    /// <summary>The site's configuration.</summary>
    public JekyllConfig Config { get; }

    /// <inheritdoc />
    public override ITemplateTagReader? Tags { get; }

    /// <inheritdoc />
    public override IHeadingSlugger CreateSlugger() => new KramdownSlugger();

    /// <inheritdoc />
    public override IEnumerable<string> FootnoteIds(string label) => ["fn:" + label, "fnref:" + label];

    /// <summary>The post a <c>{% post_url NAME %}</c> names, or null.</summary>
    public Publication? FindPost(string name, out string? caseMismatch, out string? draft)
    {
        name = name.Trim();
        var basename = name[(name.LastIndexOf('/') + 1)..];
        caseMismatch = null;
        draft = _drafts.TryGetValue(basename, out var d) ? d : null;
        if (_posts.TryGetValue(basename, out var post) && (basename == name || post.SourcePath.Contains(name, StringComparison.Ordinal)))
        {
            return post;
        }

        caseMismatch = _posts.Keys.FirstOrDefault(k => k.Equals(basename, StringComparison.OrdinalIgnoreCase));
        return null;
    }

    /// <summary>The site file a <c>{% link PATH %}</c> names (relative to the site's source), published or not.</summary>
    public Publication? FindSourceFile(string relativePath, out bool exists)
    {
        var repository = Info.RepositoryPath(relativePath.Trim().TrimStart('/'));
        exists = _sourceFiles.Contains(repository);
        return exists ? PublicationOf(repository) : null;
    }

    /// <summary>The source file whose path differs from <paramref name="relativePath"/> only in case, or null.</summary>
    public string? FindSourceIgnoringCase(string relativePath)
    {
        var repository = Info.RepositoryPath(relativePath.Trim().TrimStart('/'));
        return _sourceFiles.FirstOrDefault(f => f.Equals(repository, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// jekyll-relative-links (lib/jekyll-relative-links/generator.rb): in a page's markdown links and images (not
    /// HTML; confirmed with a real build), a path that is not a URL and names an existing page, document or static file becomes
    /// <c>relative_url(target.url)</c>. Anything else is left as written.
    /// </summary>
    protected override SiteLink? RewriteLink(string path, LinkOccurrence occurrence, SiteLink template)
    {
        if (!Config.RelativeLinks || template.FromTemplate || occurrence.Kind is not (LinkKind.Link or LinkKind.Image or LinkKind.Definition))
        {
            return null;
        }

        var folder = RewritingFolder(occurrence.Location.File);
        if (folder is null)
        {
            return null;
        }

        // path_from_root: relative to the page's source folder, or to the site root for "/x".
        var relative = SiteModel.ResolveAgainst(folder, path).AsSpan().TrimStart('/');
        var target = Info.Root.Length == 0 ? relative.ToString() : relative.Length == 0 ? Info.Root : string.Concat(Info.Root, "/", relative);
        return _sourceFiles.Contains(target) && PublicationOf(target) is { IsPublished: true }
            ? template with { SourcePath = target }
            : null;
    }

    /// <summary>
    /// The source folder (<c>/docs/</c>) relative links of <paramref name="documentPath"/> are rewritten from, or null
    /// when jekyll-relative-links leaves its links alone (not a published page, or a collection document).
    /// </summary>
    private string? RewritingFolder(string documentPath)
    {
        // Planning asks for every link of a document in a row: remember the last answer per thread.
        var last = _lastFolder;
        if (last is not null && ReferenceEquals(last.Value.Site, this) && ReferenceEquals(last.Value.Document, documentPath))
        {
            return last.Value.Folder;
        }

        var page = PublicationOf(documentPath);
        string? folder = null;
        if (page.IsPublished && (page.Kind == PageKind.Page || Config.RelativeLinksInCollections))
        {
            var directory = LinkTargetParser.DirectoryOf(Info.RelativePath(documentPath));
            folder = "/" + (directory.Length == 0 ? string.Empty : directory + "/");
        }

        _lastFolder = (this, documentPath, folder);
        return folder;
    }

    [ThreadStatic]
    private static (JekyllSite Site, string Document, string? Folder)? _lastFolder;

    /// <inheritdoc />
    protected override IEnumerable<string> AlternateUrls(string sitePath)
    {
        foreach (var alternate in base.AlternateUrls(sitePath))
        {
            yield return alternate;
        }

        // GitHub Pages serves /x for /x.html.
        if (!sitePath.EndsWith('/'))
        {
            yield return sitePath + ".html";
        }
    }

    private static JekyllConfig ReadConfig(SiteSource source) =>
        source.Info.ConfigFile is { } file && file.EndsWith(".toml", StringComparison.Ordinal)
            ? JekyllConfig.Parse(null, file)
            : JekyllConfig.Parse(source.Info.ConfigFile is null ? null : source.ReadText(source.Info.ConfigFile), source.Info.ConfigFile ?? "_config.yml");

    /// <summary>The site's base path and address from <c>baseurl</c> and <c>url</c>, unless the user gave a base URL.</summary>
    private static SiteInfo WithPublication(SiteInfo info, JekyllConfig config)
    {
        var baseUrl = info.BaseUrl;
        if (baseUrl is null && config.Url is not null && Uri.TryCreate(config.Url + config.BaseUrl + "/", UriKind.Absolute, out var configured))
        {
            baseUrl = configured;
        }

        var basePath = baseUrl is not null && info.BaseUrl is not null ? baseUrl.AbsolutePath : config.BaseUrl + "/";
        return info with { BaseUrl = baseUrl, BasePath = "/" + basePath.Trim('/') + (basePath.Trim('/').Length == 0 ? string.Empty : "/") };
    }

    private enum EntryKind
    {
        Page,
        Excluded,
        Draft,
        Post,
        Collection,
    }

    /// <summary>What Jekyll's reader does with a file (lib/jekyll/reader.rb, entry_filter.rb).</summary>
    private EntryKind Classify(string relative, out string? reason, out string? collection)
    {
        reason = null;
        collection = null;
        var segments = relative.Split('/');
        if (segments.Length == 1 && segments[0].StartsWith("_config", StringComparison.Ordinal))
        {
            reason = "it is the site's configuration";
            return EntryKind.Excluded;
        }

        if (Excluded(relative) is { } pattern)
        {
            reason = $"_config.yml excludes it ({pattern})";
            return EntryKind.Excluded;
        }

        // Collections live in collections_dir/_name.
        var collectionsPrefix = Config.CollectionsDir.Length == 0 ? string.Empty : Config.CollectionsDir + "/";
        if (relative.StartsWith(collectionsPrefix, StringComparison.Ordinal))
        {
            var inside = relative[collectionsPrefix.Length..];
            var first = inside.Split('/')[0];
            if (first.Length > 1 && first[0] == '_' && Config.Collections.TryGetValue(first[1..], out var settings) && first[1..] != "posts")
            {
                collection = first[1..];
                if (!settings.Output)
                {
                    reason = $"the collection '{collection}' has no output: true in _config.yml";
                    return EntryKind.Excluded;
                }

                return EntryKind.Collection;
            }
        }

        for (var i = 0; i < segments.Length - 1; i++)
        {
            if (segments[i] == "_posts")
            {
                return EntryKind.Post;
            }

            if (segments[i] == "_drafts")
            {
                if (Config.ShowDrafts)
                {
                    return EntryKind.Post;
                }

                reason = "drafts (_drafts/) are not published";
                return EntryKind.Draft;
            }

            if (IsSpecial(segments[i]) && !Config.Include.Contains(segments[i]))
            {
                reason = $"Jekyll does not publish folders whose names start with '{segments[i][0]}' ({segments[i]}/)";
                return EntryKind.Excluded;
            }
        }

        var name = segments[^1];
        if ((IsSpecial(name) || name.EndsWith('~')) && !Config.Include.Contains(name) && !Config.Include.Contains(relative))
        {
            reason = $"Jekyll does not publish files whose names start with '{name[0]}'";
            return EntryKind.Excluded;
        }

        return EntryKind.Page;
    }

    private static bool IsSpecial(string name) => name.Length > 0 && name[0] is '_' or '.' or '#' or '~';

    /// <summary>The <c>exclude:</c> pattern matching <paramref name="relative"/> or one of its folders (File.fnmatch, or a path prefix).</summary>
    private string? Excluded(string relative)
    {
        foreach (var pattern in Config.Exclude)
        {
            var trimmed = pattern.Trim().TrimStart('/');
            if (trimmed.Length == 0)
            {
                continue;
            }

            var folder = trimmed.TrimEnd('/');
            if (relative == folder || relative.StartsWith(folder + "/", StringComparison.Ordinal) || Glob(trimmed).IsMatch(relative))
            {
                return pattern;
            }
        }

        return null;
    }

    private static Regex Glob(string pattern) => Globs.GetOrAdd(pattern, p => new("^" + Regex.Escape(p).Replace(@"\*\*", ".*", StringComparison.Ordinal).Replace(@"\*", "[^/]*", StringComparison.Ordinal).Replace(@"\?", "[^/]", StringComparison.Ordinal) + "(/.*)?$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));

    private bool IsMarkdownExtension(string name)
    {
        var dot = name.LastIndexOf('.');
        return dot > 0 && Config.MarkdownExtensions.Contains(name[(dot + 1)..], StringComparer.OrdinalIgnoreCase);
    }

    private static bool IsReadme(string name) => ReadmePattern().IsMatch(name);

    /// <summary>Files worth reading for front matter (binary files are always static).</summary>
    private bool MayHaveFrontMatter(string name) =>
        IsMarkdownExtension(name) || name.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".htm", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".css", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".scss", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    private (string? Permalink, bool? Published) Defaults(string relative, string type)
    {
        string? permalink = null;
        bool? published = null;
        foreach (var (path, scopeType, value, isPublished) in Config.Defaults)
        {
            if ((path.Length == 0 || relative.StartsWith(path.Trim('/') + "/", StringComparison.Ordinal) || relative == path.Trim('/')) && (scopeType is null || scopeType == type))
            {
                permalink = value ?? permalink;
                published = isPublished ?? published;
            }
        }

        return (permalink, published);
    }

    private void AddPageOrFile(SiteSource source, string repository, string relative, HashSet<string> indexes)
    {
        var name = Path.GetFileName(relative);
        var folder = LinkTargetParser.DirectoryOf(relative);
        var front = MayHaveFrontMatter(name) ? JekyllFrontMatter.Read(source.ReadHead(repository)) : JekyllFrontMatter.None;
        var markdown = IsMarkdownExtension(name);
        if (!front.Present && !(markdown && Config.OptionalFrontMatter))
        {
            Publish(repository, "/" + relative, PageKind.StaticFile);
            return;
        }

        var (defaultPermalink, defaultPublished) = Defaults(relative, "pages");
        if ((front.Published ?? defaultPublished) == false)
        {
            Exclude(repository, "its front matter says published: false");
            return;
        }

        var extension = markdown ? ".html" : Path.GetExtension(name);
        var basename = Path.GetFileNameWithoutExtension(name);
        var html = extension is ".html" or ".htm";
        var template = front.Permalink ?? defaultPermalink
            ?? (!html ? "/:path/:basename:output_ext" : basename == "index" ? "/:path/" : JekyllUrl.AddPermalinkSuffix("/:path/:basename", Config.Permalink));
        var url = JekyllUrl.Fill(template, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["path"] = folder,
            ["basename"] = basename,
            ["output_ext"] = extension,
        });
        if (basename == "index" && html)
        {
            indexes.Add(folder);
        }

        PublishWithFile(repository, url, PageKind.Page, extension);
        PublishRedirects(repository, front);

        // jekyll-optional-front-matter leaves the markdown file among the static files as well.
        if (markdown && !front.Present)
        {
            PublishAlias("/" + relative, Publication.At(repository, "/" + relative, PageKind.StaticFile));
        }
    }

    /// <summary>jekyll-redirect-from (lib/jekyll-redirect-from/generator.rb): a redirect page at every <c>redirect_from</c> URL.</summary>
    private void PublishRedirects(string repository, JekyllFrontMatter front)
    {
        if (front.RedirectFrom.Count == 0 || !Config.Plugins.Contains("jekyll-redirect-from"))
        {
            return;
        }

        var target = PublicationOf(repository);
        foreach (var from in front.RedirectFrom)
        {
            var url = "/" + from.Trim().TrimStart('/');
            PublishAlias(url, new Publication(repository, url, PageKind.Redirect) { RedirectTo = target.Url });
            if (url.EndsWith("/index.html", StringComparison.Ordinal))
            {
                PublishAlias(url[..^"index.html".Length], new Publication(repository, url, PageKind.Redirect) { RedirectTo = target.Url });
            }
        }
    }

    /// <summary>A URL without an extension is written as <c>url.html</c>, which is reachable too (lib/jekyll/page.rb destination).</summary>
    private void PublishWithFile(string repository, string url, PageKind kind, string extension)
    {
        Publish(repository, url, kind);
        if (!url.EndsWith('/') && !url.EndsWith(extension, StringComparison.Ordinal))
        {
            PublishAlias(url + extension, PublicationOf(repository));
        }
    }

    private void AddPost(SiteSource source, string repository, string relative, DateOnly now)
    {
        var name = Path.GetFileName(relative);
        var match = PostNamePattern().Match(name);
        if (!match.Success)
        {
            Exclude(repository, "a post's file name must be YYYY-MM-DD-title.EXT");
            return;
        }

        var front = JekyllFrontMatter.Read(source.ReadHead(repository));
        var (defaultPermalink, defaultPublished) = Defaults(relative, "posts");
        var basename = Path.GetFileNameWithoutExtension(name);
        if ((front.Published ?? defaultPublished) == false)
        {
            Exclude(repository, "its front matter says published: false");
            return;
        }

        if (!DateOnly.TryParseExact(match.Groups[1].Value, ["yyyy-M-d", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var fileDate))
        {
            Exclude(repository, $"{match.Groups[1].Value} is not a date");
            return;
        }

        var date = front.Date ?? fileDate;
        if (date > now && !Config.Future)
        {
            Exclude(repository, $"it is dated {date:yyyy-MM-dd}, after the build, and _config.yml does not set future: true");
            return;
        }

        // Folders above _posts are categories (lib/jekyll/document.rb categories_from_path).
        var postsAt = relative.IndexOf("_posts/", StringComparison.Ordinal);
        var above = postsAt <= 0 ? [] : relative[..(postsAt - 1)].Split('/');
        var inside = postsAt < 0 ? name : relative[(postsAt + "_posts/".Length)..];
        var categories = above.Concat(front.Categories).ToList();
        var template = front.Permalink ?? defaultPermalink
            ?? (Config.Collections.TryGetValue("posts", out var posts) ? posts.Permalink : null)
            ?? JekyllUrl.PostTemplate(Config.Permalink);
        var extension = IsMarkdownExtension(name) ? ".html" : Path.GetExtension(name);
        var placeholders = JekyllUrl.PostPlaceholders(date, front.Slug ?? match.Groups[2].Value, basename, "posts", inside[..^Path.GetExtension(inside).Length], categories, extension);
        var url = JekyllUrl.Fill(template, placeholders);
        PublishWithFile(repository, url, PageKind.Post, extension);
        PublishRedirects(repository, front);
        _posts.TryAdd(basename, PublicationOf(repository));
    }

    private void AddCollectionDocument(SiteSource source, string repository, string relative, string collection)
    {
        var name = Path.GetFileName(relative);
        var front = MayHaveFrontMatter(name) ? JekyllFrontMatter.Read(source.ReadHead(repository)) : JekyllFrontMatter.None;
        var prefix = (Config.CollectionsDir.Length == 0 ? string.Empty : Config.CollectionsDir + "/") + "_" + collection + "/";
        var inside = relative[prefix.Length..];
        if (!front.Present)
        {
            // A collection's files without front matter are copied as they are, under the collection's URL.
            Publish(repository, "/" + collection + "/" + inside, PageKind.StaticFile);
            return;
        }

        var (defaultPermalink, defaultPublished) = Defaults(relative, collection);
        if ((front.Published ?? defaultPublished) == false)
        {
            Exclude(repository, "its front matter says published: false");
            return;
        }

        var extension = IsMarkdownExtension(name) ? ".html" : Path.GetExtension(name);
        var basename = Path.GetFileNameWithoutExtension(name);
        var template = front.Permalink ?? defaultPermalink ?? Config.Collections[collection].Permalink ?? JekyllUrl.AddPermalinkSuffix("/:collection/:path", Config.Permalink);
        var placeholders = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["collection"] = collection,
            ["path"] = inside[..^Path.GetExtension(inside).Length],
            ["name"] = JekyllUrl.Slugify(basename, pretty: false, cased: false),
            ["title"] = JekyllUrl.Slugify(front.Slug ?? basename, pretty: true, cased: true),
            ["slug"] = JekyllUrl.Slugify(front.Slug ?? basename, pretty: false, cased: false),
            ["output_ext"] = extension,
        };
        PublishWithFile(repository, JekyllUrl.Fill(template, placeholders), PageKind.Document, extension);
        PublishRedirects(repository, front);
    }

    // lib/jekyll/document.rb DATE_FILENAME_MATCHER.
    [GeneratedRegex(@"^(\d{2,4}-\d{1,2}-\d{1,2})-([^/]*)(\.[^.]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex PostNamePattern();

    // jekyll-readme-index: README with any markdown extension, any case.
    [GeneratedRegex(@"^readme(\.[^.]+)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ReadmePattern();
}
