using System.Text.RegularExpressions;
using LinkCheck.Core.Extraction;
using LinkCheck.Core.Model;

namespace LinkCheck.Core.Sites.DocFx;

/// <summary>
/// The model of a DocFX site (see the README's DocFX section), built from <c>docfx.json</c> and front matter:
/// <list type="bullet">
/// <item>Pages: files taken by a <c>build.content</c> group, published at <c>dest/</c> + their path below
/// <c>src</c>, <c>.md</c> becoming <c>.html</c>; files of <c>build.resource</c> groups are copied as they are;
/// anything else is not published.</item>
/// <item>Links: DocFX resolves a relative link (and <c>~/x</c>, relative to <c>docfx.json</c>'s folder) to a
/// source file and rewrites it to that file's output; a file it cannot find keeps the link as written (a warning in
/// DocFX's log, a dead link on the site). Links in an include file resolve relative to the include file.
/// <c>xref:uid</c> resolves to the page whose front matter declares <c>uid:</c> (case-sensitive); an unknown uid
/// leaves <c>href="xref:uid"</c>.</item>
/// <item>Microsoft Learn (a <c>.openpublishing.publish.config.json</c> at the repository's root): its server
/// ignores the case of paths, so a link that differs from the file only in case works there but is a warning (it
/// breaks on a case-sensitive server and in a local DocFX build); files moved with an entry in the redirection
/// files it names still work; pages are served without <c>.html</c>; and site-absolute links (<c>/dotnet/api/...</c>)
/// usually point into other docsets, so one that no page of this docset serves is checked as an external URL
/// when base-url is known, else skipped, never broken from guessing.</item>
/// </list>
/// </summary>
public sealed partial class DocFxSite : SiteModel
{
    // The front matter keys the model reads; a page without them needs no YAML parse.
    private static readonly string[] FrontMatterKeys = ["uid", "redirect_url"];

    private readonly Dictionary<string, string> _uids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _filesIgnoringCase = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Publication> _urlsIgnoringCase = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, (string Target, string File)> _redirections = new(StringComparer.OrdinalIgnoreCase);
    // Page -> the destinations of its include and code-snippet directives, as written.
    private readonly Dictionary<string, HashSet<string>> _includes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _includedFiles = new(StringComparer.Ordinal);
    private readonly HashSet<string> _files;
    private readonly DocFxConfig _config;
    private readonly OpenPublishingDocset? _docset;
    private readonly bool _externalXrefs;
    private readonly string _configPath;

    // The include directives of the pages extraction showed (Observe), until the pages are added.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, List<string>> _observedIncludes = new(StringComparer.Ordinal);

    /// <summary>Builds the model from <c>docfx.json</c>, the Learn publish configuration when present, and front matter.</summary>
    /// <exception cref="SiteConfigurationException"><c>docfx.json</c> cannot be read.</exception>
    public DocFxSite(SiteSource source)
        : base(source.Info.BaseUrl is { } baseUrl ? source.Info with { BasePath = baseUrl.AbsolutePath.TrimEnd('/') + "/" } : source.Info, source)
    {
        var configPath = source.Info.ConfigFile ?? source.Info.RepositoryPath(DocFxGenerator.ConfigFileName);
        var text = source.ReadText(configPath) ?? throw new SiteConfigurationException($"{configPath} cannot be read");
        try
        {
            _config = DocFxConfig.Parse(text);
        }
        catch (FormatException e)
        {
            throw new SiteConfigurationException($"{configPath}: {e.Message}", e);
        }

        _files = [.. source.Files];
        IsLearn = ReadLearnConfiguration(source, out _docset);
        _externalXrefs = _config.ExternalXrefMaps.Count > 0 || _docset?.QueriesXrefService == true;
        _configPath = configPath;
    }

    /// <summary>Extraction shows each page once: its include directives are kept with its head, so no page is read again.</summary>
    public override void Observe(string documentPath, string text)
    {
        // A YAML page's uid is read from its top (Scan), which a head kept as front matter would not hold.
        if (!YamlPage(documentPath))
        {
            base.Observe(documentPath, text);
        }

        if (AwaitsPages && IsMarkdown(documentPath) && HasIncludeMarker(text) && IncludePaths(text) is { Count: > 0 } paths)
        {
            _observedIncludes.TryAdd(documentPath, paths);
        }
    }

    /// <inheritdoc />
    protected override void AddPages(SiteSource source)
    {
        var configPath = _configPath;

        // Classifying a file (the content globs) and reading a page's front matter and include directives are
        // independent per file: done on every core, then applied in order (the model itself is not shared).
        var files = source.Files;
        var scans = new FileScan[files.Count];
        Parallel.For(0, files.Count, i => scans[i] = Scan(source, files[i]));
        for (var i = 0; i < files.Count; i++)
        {
            var (file, scan) = (files[i], scans[i]);
            _filesIgnoringCase.TryAdd(file, file);
            if (scan.PageOutput is { } output)
            {
                AddPage(file, output, scan.Fields);
            }
            else if (scan.ResourceOutput is { } resource)
            {
                Record(Publication.At(file, "/" + resource, PageKind.StaticFile));
            }
            else
            {
                Exclude(file, $"it is not in the build.content or build.resource files of {configPath}");
            }

            foreach (var path in scan.IncludePaths)
            {
                if (!_includes.TryGetValue(file, out var paths))
                {
                    _includes[file] = paths = new HashSet<string>(StringComparer.Ordinal);
                }

                paths.Add(path);
                if (ResolveSource(SplitLocal(path).Path, file) is { } included)
                {
                    _includedFiles.Add(included);
                }
            }
        }

        _observedIncludes.Clear();
    }

    /// <summary>True when the site is published on Microsoft Learn (an <c>.openpublishing.publish.config.json</c> names it).</summary>
    public bool IsLearn { get; }

    /// <inheritdoc />
    public override IHeadingSlugger CreateSlugger() => new DocFxSlugger();

    /// <inheritdoc />
    public override bool RendersLinksOf(string documentPath) => base.RendersLinksOf(documentPath) || _includedFiles.Contains(documentPath);

    /// <inheritdoc />
    public override LinkTarget Interpret(string url, LinkOccurrence occurrence)
    {
        var documentPath = occurrence.Location.File;
        var trimmed = url.Trim();
        if (trimmed.StartsWith("xref:", StringComparison.OrdinalIgnoreCase))
        {
            return Xref(trimmed, documentPath);
        }

        if (_includes.TryGetValue(documentPath, out var includes) && includes.Contains(trimmed))
        {
            // [!INCLUDE [title](path)] and [!code-cs[title](path)]: DocFX inlines the file; it is never a link.
            var (includePath, _) = SplitLocal(trimmed);
            var included = ResolveSource(includePath, documentPath);
            var verdict = included is not null && _files.Contains(included)
                ? new Verdict(LinkStatus.Ok, $"included file {included}")
                : Verdict.Broken(FindingCode.FileNotFound, $"DocFX cannot include {includePath}: no file {included ?? includePath} (the page shows an error instead)");
            return Decided(documentPath, trimmed, verdict);
        }

        return base.Interpret(url, occurrence);
    }

    /// <inheritdoc />
    public override Publication? FindUrl(string sitePath) =>
        base.FindUrl(sitePath) ?? (IsLearn ? LearnUrl(sitePath) : null);

    /// <inheritdoc />
    public override Verdict Resolve(SiteLink link, ISiteContext context)
    {
        if (link.Decided is null && link.SourcePath is { } source && !_files.Contains(source))
        {
            return ResolveMissingSource(link, source, context);
        }

        return base.Resolve(link, context);
    }

    /// <inheritdoc />
    protected override bool OwnsUrl(string sitePath) => !IsLearn;

    /// <inheritdoc />
    protected override IEnumerable<string> AlternateUrls(string sitePath)
    {
        foreach (var alternate in base.AlternateUrls(sitePath))
        {
            yield return alternate;
        }

        // Learn serves /x for x.html, and DocFX's own site both.
        if (sitePath.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
        {
            yield return sitePath[..^5];
        }
        else
        {
            yield return sitePath + ".html";
        }
    }

    /// <inheritdoc />
    protected override SiteLink? RewriteLink(string path, LinkOccurrence occurrence, SiteLink template)
    {
        // DocFX rewrites every link of the rendered page (markdown, images and HTML alike: its ResolveLink
        // extension and the template's href processing), so the occurrence's kind does not matter.
        var documentPath = occurrence.Location.File;
        if (path.StartsWith('/'))
        {
            return null;
        }

        var source = ResolveSource(path, documentPath);
        if (source is null)
        {
            return null;
        }

        // DocFX rewrites links to files it builds or copies; anything else (an existing output name, a folder) stays
        // as written and is resolved against the page's URL.
        if (_files.Contains(source) || IsMarkdown(source) || _filesIgnoringCase.ContainsKey(source) || _redirections.ContainsKey(source))
        {
            return template with { SourcePath = source };
        }

        return null;
    }

    private Verdict ResolveMissingSource(SiteLink link, string source, ISiteContext context)
    {
        if (_redirections.TryGetValue(source, out var redirect))
        {
            return new Verdict(LinkStatus.Ok, $"{source} was moved: {redirect.File} redirects it to {redirect.Target}");
        }

        if (_filesIgnoringCase.TryGetValue(source, out var actual))
        {
            var published = base.Resolve(link with { SourcePath = actual }, context);
            if (published.Status != LinkStatus.Ok)
            {
                return published;
            }

            var message = IsLearn
                ? $"{source} differs only in case from {actual}: Microsoft Learn serves it (its paths ignore case), but DocFX's own build and case-sensitive servers do not"
                : $"no file {source} ({actual} differs only in case; DocFX leaves the link as written)";
            var fix = new Suggestion.ReplacePath(actual) { IsCertain = !link.FromTemplate };
            return IsLearn ? Verdict.Warning(FindingCode.PathCase, message, fix) : Verdict.Broken(FindingCode.PathCase, message, fix);
        }

        // Candidates: files of the same name anywhere (a moved file), else the files beside the target (a typo).
        var name = source[(source.LastIndexOf('/') + 1)..];
        var folder = source.LastIndexOf('/') is var slash and >= 0 ? source[..(slash + 1)] : string.Empty;
        var sameName = _files.Where(f => f.EndsWith("/" + name, StringComparison.OrdinalIgnoreCase)).ToList();
        var closest = sameName.Count == 1 ? sameName[0]
            : context.Closest(source, sameName.Count > 1 ? sameName : _files.Where(f => f.StartsWith(folder, StringComparison.Ordinal) && f.IndexOf('/', folder.Length) < 0 && IsMarkdown(f)));
        return Verdict.Broken(
            FindingCode.FileNotFound,
            $"no file {source}: DocFX leaves the link as written, and it leads nowhere on the site" + (closest is null ? string.Empty : $" (did you mean {closest}?)"),
            closest is null ? null : new Suggestion.ReplacePath(closest));
    }

    /// <summary>The repository path a relative or <c>~/</c> link names, or null when it climbs out of the repository.</summary>
    private string? ResolveSource(string path, string documentPath)
    {
        string combined;
        if (path.StartsWith("~/", StringComparison.Ordinal) || path == "~")
        {
            combined = Info.RepositoryPath(path.Length > 2 ? path[2..] : string.Empty);
        }
        else
        {
            var slash = documentPath.LastIndexOf('/');
            combined = slash < 0 ? path : documentPath[..slash] + "/" + path;
        }

        return Normalize(combined);
    }

    /// <summary>A repository path with <c>.</c> and <c>..</c> segments removed, or null when it climbs out of the repository.</summary>
    private static string? Normalize(string combined) => SitePaths.Join(string.Empty, combined);

    private LinkTarget Xref(string url, string documentPath)
    {
        // xref:uid, xref:uid#anchor, xref:uid?displayProperty=fullName (DocFX's XrefResolver: the query only changes the text).
        var (path, fragment) = SplitLocal(url["xref:".Length..]);
        var uid = path;
        var link = new SiteLink(this, url) { Fragment = fragment };
        if (_uids.TryGetValue(uid, out var declaring))
        {
            return Target(link with { SourcePath = declaring });
        }

        var folded = _uids.Keys.FirstOrDefault(k => k.Equals(uid, StringComparison.OrdinalIgnoreCase));
        if (folded is not null)
        {
            return Decided(documentPath, url, Verdict.Broken(
                FindingCode.SitePageNotFound,
                $"no page declares uid {uid}: uids are case-sensitive, and {_uids[folded]} declares {folded} (DocFX leaves href=\"xref:{uid}\")",
                new Suggestion.ReplaceUrl("xref:" + folded + (fragment is null ? string.Empty : "#" + fragment)) { IsCertain = true }));
        }

        if (_externalXrefs)
        {
            var where = _config.ExternalXrefMaps.Count > 0 ? "the xref maps named in docfx.json" : "Microsoft Learn's xref service (xref_query_tags)";
            return Decided(documentPath, url, Verdict.Skipped($"uid {uid} is not declared in this repository; DocFX looks it up in {where}, which an offline check cannot read"));
        }

        return Decided(documentPath, url, Verdict.Broken(FindingCode.SitePageNotFound, $"no page declares uid {uid} (DocFX leaves href=\"xref:{uid}\", a dead link)"));
    }

    /// <summary>What the model needs of one file, found without touching the model.</summary>
    /// <param name="PageOutput">The output path when a content group (or a Learn prebuild) makes it a page.</param>
    /// <param name="ResourceOutput">The output path when a resource group copies it.</param>
    /// <param name="Fields">The front matter fields the model reads (a page's), if any.</param>
    /// <param name="IncludePaths">The paths of a markdown file's include and code-snippet directives, as written.</param>
    private readonly record struct FileScan(string? PageOutput, string? ResourceOutput, IReadOnlyDictionary<string, string>? Fields, IReadOnlyList<string> IncludePaths);

    private FileScan Scan(SiteSource source, string file)
    {
        var relative = Info.RelativePath(file);

        // Each markdown file is read once: extraction saw it (its head and include directives were kept), or it is
        // read here for its head, and whole only when it has an include directive.
        var markdown = IsMarkdown(file);
        string? head = null;
        IReadOnlyList<string> includes = [];
        if (markdown && source.Observed is { } observed && observed.TryGetValue(file, out var seen))
        {
            head = seen;
            includes = _observedIncludes.TryGetValue(file, out var paths) ? paths : [];
        }
        else if (markdown)
        {
            (head, var whole) = source.ReadHeadAndTextIfContains(file, "[!");
            includes = whole is null ? [] : IncludePaths(whole);
        }

        var page = _config.FindContent(relative)?.OutputPath;
        string? resource = null;
        if (page is null && _config.FindResource(relative) is { } found)
        {
            resource = found.OutputPath;
        }
        else if (page is null && MayBePrebuilt(file))
        {
            // A Learn docset's docset_prebuild task turns such files into pages where the content group puts
            // them (PowerShell-Docs' MAML2Yaml makes each cmdlet page from its .md): published, as assumed.
            page = _config.Content.Where(g => g.Src.Length > 0).Select(g => g.OutputPathBelowSource(relative)).FirstOrDefault(o => o is not null);
        }

        IReadOnlyDictionary<string, string>? fields = null;
        if (page is not null && markdown)
        {
            fields = FrontMatterFields.Read(head, FrontMatterKeys);
        }
        else if (page is not null && YamlPage(file))
        {
            // A YAML page (### YamlMime:...) declares its uid at the top level.
            var yaml = source.ReadHead(file);
            var uid = yaml is null ? null : YamlUid().Match(yaml) is { Success: true } match ? match.Groups[1].Value.Trim().Trim('"', '\'') : null;
            fields = uid is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["uid"] = uid };
        }

        return new FileScan(page, resource, fields, includes);
    }

    private void AddPage(string file, string output, IReadOnlyDictionary<string, string>? fields)
    {
        var markdown = IsMarkdown(file);
        var url = "/" + (markdown ? output[..output.LastIndexOf('.')] + ".html" : YamlPage(file) ? output[..output.LastIndexOf('.')] + ".html" : output);
        if (IsLearn && url.EndsWith(".html", StringComparison.Ordinal))
        {
            url = url[..^5];
        }

        if (fields is null)
        {
            Record(Publication.At(file, url, PageKind.StaticFile));
            return;
        }

        if (fields.TryGetValue("uid", out var declared) && declared.Length > 0)
        {
            _uids.TryAdd(declared, file);
        }

        if (fields.TryGetValue("redirect_url", out var redirect) && redirect.Length > 0)
        {
            // DocFX writes a meta refresh to the target as written (a .md target is not rewritten).
            Record(new Publication(file, url, PageKind.Redirect) { RedirectTo = redirect });
            return;
        }

        Record(Publication.At(file, url, PageKind.Page));
    }

    private void Record(Publication publication)
    {
        Publish(publication);
        if (publication.Url is not null)
        {
            _urlsIgnoringCase.TryAdd(publication.Url, publication);
        }
    }

    private Publication? LearnUrl(string sitePath)
    {
        if (_urlsIgnoringCase.TryGetValue(sitePath, out var found))
        {
            return found;
        }

        var alternate = sitePath.EndsWith(".html", StringComparison.OrdinalIgnoreCase) ? sitePath[..^5] : sitePath.TrimEnd('/') + "/index";
        return _urlsIgnoringCase.GetValueOrDefault(alternate);
    }

    /// <summary>
    /// True for a markdown file of a Learn docset with a <c>docset_prebuild</c> task under a content group's folder
    /// (asked only for files outside <c>build.content</c>): the task can turn it into a page (PowerShell-Docs'
    /// MAML2Yaml makes its cmdlet pages from such files).
    /// </summary>
    private bool MayBePrebuilt(string path) => IsLearn && _docset?.HasPrebuild == true && IsMarkdown(path) && IsUnderContentSource(path);

    private bool IsUnderContentSource(string path)
    {
        var relative = Info.RelativePath(path);
        return _config.Content.Any(g => g.Src.Length > 0 && relative.StartsWith(g.Src + "/", StringComparison.OrdinalIgnoreCase) && !IsIncludeFolder(relative));
    }

    /// <summary>Include files (<c>includes/</c> folders, by Learn's convention) are inlined, never pages.</summary>
    private static bool IsIncludeFolder(string relative) => relative.Contains("/includes/", StringComparison.OrdinalIgnoreCase) || relative.StartsWith("includes/", StringComparison.OrdinalIgnoreCase);

    private bool ReadLearnConfiguration(SiteSource source, out OpenPublishingDocset? docset)
    {
        docset = null;
        var text = source.ReadText(OpenPublishingConfig.FileName);
        if (text is null)
        {
            return false;
        }

        OpenPublishingConfig config;
        try
        {
            config = OpenPublishingConfig.Parse(text);
        }
        catch (FormatException e)
        {
            throw new SiteConfigurationException($"{OpenPublishingConfig.FileName}: {e.Message}", e);
        }

        docset = config.DocsetOf(Info.Root);
        foreach (var file in config.RedirectionFiles)
        {
            var redirections = source.ReadText(file);
            if (redirections is null)
            {
                continue;
            }

            try
            {
                var folder = file.Contains('/', StringComparison.Ordinal) ? file[..file.LastIndexOf('/')] : string.Empty;
                foreach (var (from, to) in OpenPublishingConfig.ParseRedirections(redirections))
                {
                    var sourcePath = from.StartsWith('/') ? from[1..] : Normalize(folder.Length == 0 ? from : folder + "/" + from);
                    if (sourcePath is not null)
                    {
                        _redirections.TryAdd(sourcePath, (to, file));
                    }
                }
            }
            catch (FormatException e)
            {
                throw new SiteConfigurationException($"{file} (named by {OpenPublishingConfig.FileName}): {e.Message}", e);
            }
        }

        return true;
    }

    /// <summary>
    /// True when <paramref name="text"/> may hold an include or code-snippet directive: most <c>[!</c> in a Learn
    /// docset open an alert (<c>&gt; [!NOTE]</c>), which need no regular expression run over the page.
    /// </summary>
    private static bool HasIncludeMarker(string text)
    {
        // An ordinal search for "[!" is vectorised; a case-insensitive one for the whole directive was slower than
        // the regular expression it saves.
        for (var at = text.IndexOf("[!", StringComparison.Ordinal); at >= 0; at = text.IndexOf("[!", at + 2, StringComparison.Ordinal))
        {
            var rest = text.AsSpan(at + 2);
            if (rest.StartsWith("INCLUDE", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("code", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The destinations of DocFX's include and code-snippet syntax in a markdown file, as written.</summary>
    private static List<string> IncludePaths(string text) =>
        [.. IncludeSyntax().Matches(text).Select(m => m.Groups["path"].Value.Trim().Trim('<', '>'))];

    private static bool YamlPage(string path) => path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) && !path.EndsWith("toc.yml", StringComparison.OrdinalIgnoreCase);

    // [!INCLUDE [title](path)] (dotnet/docfx InclusionInlineParser) and [!code-lang[title](path)] (CodeSnippetParser).
    [GeneratedRegex(@"\[!(?:INCLUDE|code(?:-[\w+#-]+)?)\s*\[[^\]]*\]\((?<path>[^)\s]+)[^)]*\)\]", RegexOptions.IgnoreCase)]
    private static partial Regex IncludeSyntax();

    [GeneratedRegex(@"^uid:\s*(.+?)\s*$", RegexOptions.Multiline)]
    private static partial Regex YamlUid();
}
