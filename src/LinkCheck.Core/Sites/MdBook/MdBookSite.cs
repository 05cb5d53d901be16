using System.Text.RegularExpressions;
using LinkCheck.Core.Model;

using LinkCheck.Core.Extraction;

namespace LinkCheck.Core.Sites.MdBook;

/// <summary>
/// The model of an mdBook book, from <c>book.toml</c> and <c>SUMMARY.md</c>, following mdBook v0.5.4:
/// <list type="bullet">
/// <item>Only the chapters <c>src/SUMMARY.md</c> lists are rendered, each <c>x.md</c> at <c>x.html</c>; a
/// <c>README.md</c> chapter becomes <c>index.html</c> (the <c>index</c> preprocessor), and the first chapter is
/// copied to <c>index.html</c> too. A draft chapter (<c>[Title]()</c>) and a markdown file that the summary does not
/// list are not published; every other file of <c>src/</c> is copied as it is.</item>
/// <item>In links (markdown and HTML <c>&lt;a&gt;</c>, not images) without a scheme, <c>x.md</c> becomes
/// <c>x.html</c> (<c>html/tree.rs</c> <c>fix_link</c>): so <c>x.md</c> and <c>x.html</c> both reach chapter
/// <c>x.md</c>, while <c>README.md</c> becomes a <c>README.html</c> that does not exist.</item>
/// <item><c>[output.html.redirect]</c> entries are redirect pages; <c>output.html.site-url</c> is the base URL.</item>
/// <item>Heading ids follow <see cref="MdBookSlugger"/>; <c>{{#include}}</c> and the other directives are masked.</item>
/// </list>
/// A file that is not a rendered chapter (the README beside <c>book.toml</c>, an unlisted page) is read on GitHub:
/// its links are judged by GitHub's rules. The headings of a markdown file that <c>{{#include}}</c> brings into a
/// chapter are anchors of that chapter. Not modelled: the links it brings (they are checked in the included file,
/// relative to it), the numbering of a heading repeated across the two, other renderers, and custom preprocessors.
/// </summary>
public sealed partial class MdBookSite : SiteModel
{
    private static readonly string[] ThemeFiles = ["/print.html", "/toc.html", "/404.html", "/searchindex.js", "/searchindex.json"];

    private readonly string _srcRoot;
    private readonly IReadOnlySet<string> _files;
    private readonly MdBookIncludes _tags = new();

    // Chapter -> the markdown files its {{#include}} directives bring in, as extraction saw the chapter.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string[]> _includedMarkdown = new(StringComparer.Ordinal);

    /// <summary>Builds the model from <c>book.toml</c>, <c>SUMMARY.md</c> and the files of <c>src/</c>.</summary>
    /// <exception cref="SiteConfigurationException">The configuration cannot be read.</exception>
    public MdBookSite(SiteSource source)
        : base(Configure(source, out var config))
    {
        var src = Hugo.HugoData.String(config, "book.src")?.Trim().Trim('/') ?? "src";
        _srcRoot = Info.RepositoryPath(src is "" or "." ? string.Empty : src);
        var prefix = _srcRoot.Length == 0 ? string.Empty : _srcRoot + "/";
        var summaryPath = prefix + "SUMMARY.md";
        _files = source.FileSet;

        // The index preprocessor is a default one, unless build.use-default-preprocessors = false leaves it out.
        var indexPreprocessor = Hugo.HugoData.Bool(config, "build.use-default-preprocessors", true) || Hugo.HugoData.Get(config, "preprocessor.index") is not null;
        var chapters = new List<string>();
        var drafts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, destination) in SummaryLinks(source.ReadText(summaryPath) ?? string.Empty))
        {
            if (destination.Length == 0)
            {
                continue;
            }

            var path = Uri.UnescapeDataString(destination.Trim('<', '>'));
            path = ResolveAgainst("/", path).TrimStart('/');
            if (!chapters.Contains(path, StringComparer.Ordinal))
            {
                chapters.Add(path);
            }
        }

        var listed = new HashSet<string>(chapters, StringComparer.Ordinal);
        var first = true;
        foreach (var chapter in chapters)
        {
            var file = prefix + chapter;
            var url = "/" + ChapterUrl(chapter, indexPreprocessor);
            if (first)
            {
                // hbs_renderer.rs: the first chapter is also written to index.html.
                Publish(new Publication(file, "/index.html", PageKind.Page));
                first = false;
            }

            Publish(file, url, PageKind.Page);
        }

        foreach (var file in source.Files)
        {
            if (!file.StartsWith(prefix, StringComparison.Ordinal))
            {
                Exclude(file, $"mdBook renders only the chapters of {prefix}SUMMARY.md");
                continue;
            }

            var relative = file[prefix.Length..];
            if (listed.Contains(relative))
            {
                continue;
            }

            if (relative.EndsWith(".md", StringComparison.Ordinal))
            {
                Exclude(file, file == summaryPath ? "SUMMARY.md is the book's table of contents, not a chapter" : $"it is not a chapter of {prefix}SUMMARY.md");
            }
            else
            {
                Publish(file, "/" + relative, PageKind.StaticFile);
            }
        }

        if (Hugo.HugoData.Get(config, "output.html.redirect") is Dictionary<string, object?> redirects)
        {
            foreach (var (from, to) in redirects)
            {
                var url = "/" + from.TrimStart('/');
                if (FindUrl(url) is null && to is string target)
                {
                    Publish(new Publication(Info.ConfigFile ?? summaryPath, url, PageKind.Redirect) { RedirectTo = target });
                }
            }
        }

        // The redirects above were recorded under book.toml; it is not a page.
        if (Info.ConfigFile is { } configFile)
        {
            Exclude(configFile, "book.toml configures the book");
        }
    }

    /// <inheritdoc />
    public override ITemplateTagReader? Tags => _tags;

    /// <summary>
    /// Extraction shows each chapter once: the markdown files its <c>{{#include}}</c> directives bring in are kept,
    /// so that a heading they bring is an anchor of the chapter (<see cref="CheckAnchor"/>).
    /// </summary>
    public override void Observe(string documentPath, string text)
    {
        if (!text.Contains("{{#include", StringComparison.Ordinal))
        {
            return;
        }

        // links.rs: the path is relative to the chapter's folder; ":2:10" or ":anchor" after it picks a part. The
        // directives are the ones the tag reader masks (an escaped one is text).
        var included = new List<string>();
        foreach (var span in _tags.FindTags(text))
        {
            var match = IncludeDirective().Match(text, span.Start, span.Length);
            var path = match.Success ? ResolveAgainst("/" + documentPath, match.Groups["path"].Value).TrimStart('/') : string.Empty;
            if (path.EndsWith(".md", StringComparison.Ordinal) && _files.Contains(path))
            {
                included.Add(path);
            }
        }

        if (included.Count > 0)
        {
            _includedMarkdown[documentPath] = [.. included];
        }
    }

    /// <summary>
    /// A fragment that is not a heading of the chapter itself may be one of a markdown file the chapter includes:
    /// mdBook inserts that file's text before rendering. Its id is taken as the file alone spells it (a heading
    /// repeated across the two would be numbered on the site: not modelled), and a part of a file (<c>:2:10</c>,
    /// <c>:anchor</c>) counts as the whole file: either can only make a broken anchor pass, never a good one fail.
    /// </summary>
    protected override Verdict CheckAnchor(string fragment, Publication page, PageAnchors anchors, SiteLink link, ISiteContext context)
    {
        if (anchors.Error is null && !anchors.Anchors.Contains(fragment) && _includedMarkdown.TryGetValue(page.SourcePath, out var included))
        {
            foreach (var file in included)
            {
                if (context.AnchorsOf(this, file).Anchors.Contains(fragment))
                {
                    return new Verdict(LinkStatus.Ok, $"#{fragment} is a heading of {file}, which {page.SourcePath} includes ({{{{#include}}}})");
                }
            }
        }

        return base.CheckAnchor(fragment, page, anchors, link, context);
    }

    /// <inheritdoc />
    public override IHeadingSlugger CreateSlugger() => new MdBookSlugger();

    /// <inheritdoc />
    public override LinkTarget Interpret(string url, LinkOccurrence occurrence)
    {
        // Only rendered chapters are read on the book's site; anything else is read on GitHub.
        if (PublicationOf(occurrence.Location.File) is not { IsPublished: true, Kind: PageKind.Page })
        {
            return GitHub.GitHubSite.Instance.Interpret(url, occurrence);
        }

        return base.Interpret(url, occurrence);
    }

    /// <inheritdoc />
    protected override SiteLink? RewriteLink(string path, LinkOccurrence occurrence, SiteLink template)
    {
        if (Info.BaseUrl is null && ClimbsAboveRoot(PageUrl(occurrence.Location.File), path))
        {
            // ../std/ from a book at doc.rust-lang.org/book/: a sibling site on the same host, which the book's
            // model cannot know (the browser would stay at the root only if the book were served at /).
            return template with
            {
                SitePath = path,
                Decided = Verdict.Skipped($"{path} climbs above the book's root into another site on the same host; set base-url to check it as an external URL"),
            };
        }

        // fix_link: (?P<link>.*)\.md(?P<anchor>#.*)? on links and HTML <a>, not on images.
        if (template.FromTemplate || occurrence.Kind is LinkKind.Image)
        {
            return null;
        }

        var md = path.LastIndexOf(".md", StringComparison.Ordinal);
        if (md < 0)
        {
            return null;
        }

        var rewritten = path[..md] + ".html";
        var absolute = ResolveAgainst(PageUrl(occurrence.Location.File), rewritten);
        if (!absolute.StartsWith(Info.BasePath, StringComparison.Ordinal))
        {
            return null;
        }

        return template with { SitePath = "/" + absolute[Info.BasePath.Length..] };
    }

    /// <inheritdoc />
    protected override bool OwnsUrl(string sitePath) => !ThemeFiles.Contains(sitePath, StringComparer.Ordinal);

    /// <inheritdoc />
    protected override Verdict Missing(SiteLink link, ISiteContext context)
    {
        var sitePath = link.SitePath!;
        var shown = Info.BasePath.TrimEnd('/') + sitePath;
        if (sitePath.EndsWith(".html", StringComparison.Ordinal))
        {
            // The chapter the link means: x.html comes from x.md; README.html would have come from README.md.
            var source = _srcRoot.Length == 0 ? sitePath[1..^5] + ".md" : _srcRoot + sitePath[..^5] + ".md";
            var publication = PublicationOf(source);
            if (publication.IsPublished)
            {
                return Verdict.Broken(
                    FindingCode.SitePageNotFound,
                    $"no page is published at {shown}: mdBook renders {source} at {DisplayUrl(publication)}",
                    Fix(publication, link, certain: true));
            }

            if (_files.Contains(source))
            {
                return Verdict.Broken(FindingCode.NotPublished, $"no page is published at {shown}: {source} is not published ({publication.Reason})");
            }
        }

        return base.Missing(link, context);
    }

    /// <summary>True when <paramref name="path"/>, relative to <paramref name="pageUrl"/>, has more <c>..</c> than the page is deep.</summary>
    private static bool ClimbsAboveRoot(string pageUrl, string path)
    {
        if (path.StartsWith('/'))
        {
            return false;
        }

        var depth = pageUrl.Count(c => c == '/') - 1;
        foreach (var segment in path.Split('/'))
        {
            if (segment == "..")
            {
                if (--depth < 0)
                {
                    return true;
                }
            }
            else if (segment is not ("" or "."))
            {
                depth++;
            }
        }

        return false;
    }

    /// <summary>The URL of a chapter: <c>x.md</c> at <c>x.html</c>, <c>README.md</c> at <c>index.html</c> with the index preprocessor.</summary>
    private static string ChapterUrl(string chapter, bool indexPreprocessor)
    {
        var slash = chapter.LastIndexOf('/');
        var name = chapter[(slash + 1)..];
        var stem = name.EndsWith(".md", StringComparison.Ordinal) ? name[..^3] : name;
        if (indexPreprocessor && stem.Equals("readme", StringComparison.OrdinalIgnoreCase))
        {
            stem = "index";
        }

        return chapter[..(slash + 1)] + stem + ".html";
    }

    /// <summary>The <c>[title](path)</c> entries of SUMMARY.md, in order (an empty path is a draft chapter).</summary>
    private static IEnumerable<(string Title, string Path)> SummaryLinks(string summary)
    {
        foreach (Match match in SummaryLink().Matches(summary))
        {
            yield return (match.Groups["title"].Value, match.Groups["path"].Value.Trim());
        }
    }

    private static SiteInfo Configure(SiteSource source, out Dictionary<string, object?> config)
    {
        var file = source.Info.ConfigFile;
        var text = file is null ? null : source.ReadText(file);
        config = text is null ? new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase) : Hugo.HugoData.Parse(text, "toml", file!);
        if (source.Info.BaseUrl is null && Hugo.HugoData.String(config, "output.html.site-url") is { Length: > 0 } siteUrl)
        {
            if (Uri.TryCreate(siteUrl, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
            {
                return source.Info with { BaseUrl = absolute, BasePath = absolute.AbsolutePath.TrimEnd('/') + "/" };
            }

            if (siteUrl.StartsWith('/'))
            {
                return source.Info with { BasePath = siteUrl.TrimEnd('/') + "/" };
            }
        }

        return source.Info;
    }

    // {{#include path}}, {{#include path:2:10}}, {{#include path:anchor}} (links.rs); not {{#rustdoc_include}}, which is code.
    [GeneratedRegex(@"\{\{\s*#include\s+(?<path>[^\s:}]+)[^}]*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex IncludeDirective();

    [GeneratedRegex(@"\[(?<title>(?:[^\[\]]|\[[^\]]*\])*)\]\((?<path>[^)]*)\)", RegexOptions.CultureInvariant)]
    private static partial Regex SummaryLink();
}
