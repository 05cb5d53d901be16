using System.Text.RegularExpressions;

namespace LinkCheck.Core.Sites.Docusaurus;

/// <summary>
/// Docusaurus 3's URL rules, ported from its sources (<c>@docusaurus/plugin-content-docs</c> <c>docs.ts</c>,
/// <c>slug.ts</c>, <c>numberPrefix.ts</c>, <c>versions/version.ts</c>; <c>@docusaurus/plugin-content-blog</c>
/// <c>blogUtils.ts</c>; <c>@docusaurus/plugin-content-pages</c>). Paths returned are relative to the site's
/// <c>baseUrl</c> and start with <c>/</c>; a category index keeps the trailing <c>/</c> of its folder, as Docusaurus
/// writes its permalink (relative links on that page resolve below it).
/// </summary>
public static partial class DocusaurusRoutes
{
    /// <summary>The name Docusaurus gives the unversioned docs (<c>constants.ts</c> <c>CURRENT_VERSION_NAME</c>).</summary>
    public const string CurrentVersion = "current";

    /// <summary>
    /// The slug of a doc (<c>slug.ts</c>): a <c>slug</c> starting with <c>/</c> as it is; else a category index
    /// (<c>index</c>, <c>readme</c> or the folder's own name, any case) at its folder; else <c>slug</c> or the id
    /// (front matter <c>id</c>, else the file name without its number prefix) resolved against the folder, whose
    /// number prefixes are stripped (<c>01-guides/</c> -> <c>guides/</c>).
    /// </summary>
    /// <param name="source">The file's path relative to the version's content folder (<c>guides/01-intro.md</c>).</param>
    /// <param name="frontMatterId">Front matter <c>id</c>, or null.</param>
    /// <param name="frontMatterSlug">Front matter <c>slug</c>, or null.</param>
    /// <param name="parseNumberPrefixes">Front matter <c>parse_number_prefixes</c> (default true).</param>
    public static string DocSlug(string source, string? frontMatterId, string? frontMatterSlug, bool parseNumberPrefixes = true)
    {
        var slash = source.LastIndexOf('/');
        var dirName = slash < 0 ? "." : source[..slash];
        var fileName = source[(slash + 1)..];
        var dot = fileName.LastIndexOf('.');
        var nameWithoutExtension = dot > 0 ? fileName[..dot] : fileName;
        var baseId = frontMatterId ?? (parseNumberPrefixes ? StripNumberPrefix(nameWithoutExtension) : nameWithoutExtension);
        if (frontMatterSlug is not null && frontMatterSlug.StartsWith('/'))
        {
            return Normalize(frontMatterSlug);
        }

        var dirSlug = dirName == "." ? "/" : "/" + (parseNumberPrefixes ? StripPathNumberPrefixes(dirName) : dirName).Trim('/') + "/";
        if (frontMatterSlug is null && IsCategoryIndex(nameWithoutExtension, dirName))
        {
            return Normalize(dirSlug);
        }

        return Normalize(SiteModelPaths.Resolve(dirSlug, frontMatterSlug ?? baseId));
    }

    /// <summary>
    /// A category index (<c>docs.ts</c> <c>isCategoryIndex</c>): the file is named <c>index</c>, <c>readme</c> or like
    /// its folder, ignoring case.
    /// </summary>
    public static bool IsCategoryIndex(string nameWithoutExtension, string dirName)
    {
        var name = nameWithoutExtension.ToLowerInvariant();
        var folder = dirName == "." ? null : dirName[(dirName.LastIndexOf('/') + 1)..].ToLowerInvariant();
        return name is "index" or "readme" || name == folder;
    }

    /// <summary>
    /// <c>01-intro</c> -> <c>intro</c>, but not <c>2021-11-intro</c> or <c>7.0-intro</c> (date- and version-like
    /// names are left alone): <c>numberPrefix.ts</c> <c>DefaultNumberPrefixParser</c>.
    /// </summary>
    public static string StripNumberPrefix(string name)
    {
        if (IgnoredPrefix().IsMatch(name))
        {
            return name;
        }

        var match = NumberPrefix().Match(name);
        return match.Success ? match.Groups["suffix"].Value : name;
    }

    /// <summary>Strips the number prefix of every segment of a folder path.</summary>
    public static string StripPathNumberPrefixes(string path) => string.Join('/', path.Split('/').Select(StripNumberPrefix));

    /// <summary>
    /// The URL segment of a docs version (<c>version.ts</c> <c>getVersionPathPart</c>): the configured
    /// <c>versions.NAME.path</c>, else empty for the last version, <c>next</c> for the current one when it is not the
    /// last, else the version's name.
    /// </summary>
    public static string VersionPath(string versionName, string lastVersionName, IReadOnlyDictionary<string, string> configuredPaths)
    {
        if (configuredPaths.TryGetValue(versionName, out var configured))
        {
            return configured;
        }

        return versionName == lastVersionName ? string.Empty : versionName == CurrentVersion ? "next" : versionName;
    }

    /// <summary>
    /// The last version (<c>version.ts</c> <c>getLastVersionName</c>): the <c>lastVersion</c> option, else the first
    /// (newest) name of <c>versions.json</c>, else the current version.
    /// </summary>
    public static string LastVersion(string? lastVersionOption, IReadOnlyList<string> versionsJson) =>
        lastVersionOption ?? (versionsJson.Count > 0 ? versionsJson[0] : CurrentVersion);

    /// <summary>
    /// The slug of a blog post (<c>blogUtils.ts</c> <c>parseBlogFileName</c>): front matter <c>slug</c> when given;
    /// else <c>/YYYY/MM/DD/name</c> from a date in the path (<c>2024-01-15-name.md</c>, <c>2024/01/15/name.md</c>,
    /// <c>2024-01-15-name/index.md</c>), else the path without its extension and <c>/index</c>.
    /// </summary>
    /// <param name="source">The post's path relative to the blog folder.</param>
    /// <param name="frontMatterSlug">Front matter <c>slug</c>, or null.</param>
    public static string BlogSlug(string source, string? frontMatterSlug)
    {
        if (frontMatterSlug is not null)
        {
            return Normalize(frontMatterSlug.StartsWith('/') ? frontMatterSlug : "/" + frontMatterSlug);
        }

        var match = DateFileName().Match(source);
        if (match.Success)
        {
            var date = match.Groups["date"].Value.Replace('-', '/');
            return Normalize($"/{date}/{match.Groups["folder"].Value}{match.Groups["text"].Value}");
        }

        return Normalize("/" + IndexSuffix().Replace(source, string.Empty));
    }

    /// <summary>
    /// The route of a page of the pages plugin: its path without the extension, <c>index</c> naming its folder (with a trailing <c>/</c>)
    /// (<c>plugin-content-pages</c> <c>encodePath(fileToPath(relativeSource))</c>).
    /// </summary>
    public static string PageRoute(string source)
    {
        var withoutExtension = Extension().Replace(source, string.Empty);
        if (withoutExtension == "index")
        {
            return "/";
        }

        // fileToPath: dir/index -> /dir/ (with its slash).
        return Normalize("/" + (withoutExtension.EndsWith("/index", StringComparison.Ordinal) ? withoutExtension[..^"index".Length] : withoutExtension));
    }

    /// <summary>
    /// Joins route parts as <c>normalizeUrl</c> does for paths: one <c>/</c> between parts, and a trailing <c>/</c>
    /// only when the last part has one.
    /// </summary>
    public static string Join(params string[] parts)
    {
        var joined = "/" + string.Join('/', parts.Select(p => p.Trim('/')).Where(p => p.Length > 0));
        var trailing = parts.Length > 0 && parts[^1].EndsWith('/') && joined.Length > 1;
        return trailing ? joined + "/" : joined;
    }

    private static string Normalize(string path) => MultipleSlashes().Replace(path, "/");

    [GeneratedRegex(@"^\d+[-_.]\d+")]
    private static partial Regex IgnoredPrefix();

    [GeneratedRegex(@"^(?<numberPrefix>\d+)\s*[-_.]+\s*(?<suffix>[^-_.\s].*)$")]
    private static partial Regex NumberPrefix();

    // blogUtils.ts DATE_FILENAME_REGEX, as written there.
    [GeneratedRegex(@"^(?<folder>.*)(?<date>\d{4}[-/]\d{1,2}[-/]\d{1,2})[-/]?(?<text>.*?)(?:/index)?.mdx?$")]
    private static partial Regex DateFileName();

    [GeneratedRegex(@"(?:/index)?\.mdx?$")]
    private static partial Regex IndexSuffix();

    [GeneratedRegex(@"\.(?:mdx?|jsx?|tsx?)$")]
    private static partial Regex Extension();

    [GeneratedRegex("/{2,}")]
    private static partial Regex MultipleSlashes();
}
