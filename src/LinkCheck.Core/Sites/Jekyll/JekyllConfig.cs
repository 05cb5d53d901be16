using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace LinkCheck.Core.Sites.Jekyll;

/// <summary>
/// The settings of <c>_config.yml</c> that decide URLs (Jekyll's lib/jekyll/configuration.rb defaults), with GitHub
/// Pages' default plugins (jekyll-relative-links, jekyll-optional-front-matter, jekyll-readme-index) when the file
/// lists no <c>plugins</c>.
/// </summary>
public sealed class JekyllConfig
{
    /// <summary>The plugins GitHub Pages enables for every site (pages-gem's DEFAULT_PLUGINS) that change URLs.</summary>
    public static readonly IReadOnlyList<string> GitHubPagesPlugins = ["jekyll-relative-links", "jekyll-optional-front-matter", "jekyll-readme-index", "jekyll-titles-from-headings"];

    /// <summary>Jekyll's default <c>exclude</c> list (Configuration::DEFAULTS, 4.3).</summary>
    public static readonly IReadOnlyList<string> DefaultExcludes = [".sass-cache", ".jekyll-cache", "gemfiles", "Gemfile", "Gemfile.lock", "node_modules", "vendor/bundle/", "vendor/cache/", "vendor/gems/", "vendor/ruby/"];

    /// <summary><c>baseurl</c> without a trailing slash ("" for none), as <c>{{ site.baseurl }}</c> prints it.</summary>
    public string BaseUrl { get; private init; } = string.Empty;

    /// <summary><c>url</c> (<c>https://user.github.io</c>), or null.</summary>
    public string? Url { get; private init; }

    /// <summary>The global <c>permalink</c> style or template (<c>date</c> by default).</summary>
    public string Permalink { get; private init; } = "date";

    /// <summary><c>exclude</c> (the defaults plus the site's).</summary>
    public IReadOnlyList<string> Exclude { get; private init; } = DefaultExcludes;

    /// <summary><c>include</c>: files published although their name starts with <c>.</c> or <c>_</c>.</summary>
    public IReadOnlyList<string> Include { get; private init; } = [".htaccess"];

    /// <summary><c>collections</c>: name -> (output, permalink).</summary>
    public IReadOnlyDictionary<string, (bool Output, string? Permalink)> Collections { get; private init; } = new Dictionary<string, (bool, string?)>();

    /// <summary><c>collections_dir</c> ("" for the site root).</summary>
    public string CollectionsDir { get; private init; } = string.Empty;

    /// <summary><c>future</c>: publish posts dated after the build.</summary>
    public bool Future { get; private init; }

    /// <summary><c>show_drafts</c>: publish <c>_drafts</c> (only with <c>--drafts</c> or this setting).</summary>
    public bool ShowDrafts { get; private init; }

    /// <summary><c>plugins</c> (or the old <c>gems</c>); GitHub Pages' defaults when absent.</summary>
    public IReadOnlyList<string> Plugins { get; private init; } = GitHubPagesPlugins;

    /// <summary><c>relative_links: enabled</c> (default true when the plugin is on).</summary>
    public bool RelativeLinks { get; private init; }

    /// <summary><c>relative_links: collections</c>: rewrite in posts and collections too (default false).</summary>
    public bool RelativeLinksInCollections { get; private init; }

    /// <summary>jekyll-optional-front-matter is on: markdown without front matter is a page.</summary>
    public bool OptionalFrontMatter { get; private init; }

    /// <summary>jekyll-readme-index is on: a folder's README is its index when it has none.</summary>
    public bool ReadmeIndex { get; private init; }

    /// <summary>The markdown extensions (<c>markdown_ext</c>).</summary>
    public IReadOnlyList<string> MarkdownExtensions { get; private init; } = ["markdown", "mkdown", "mkdn", "mkd", "md"];

    /// <summary>Front matter defaults that set <c>permalink</c> or <c>published</c>, by path scope.</summary>
    public IReadOnlyList<(string Path, string? Type, string? Permalink, bool? Published)> Defaults { get; private init; } = [];

    /// <summary>Every top-level text setting (<c>repository</c>, <c>title</c>, ...), for <c>{{ site.KEY }}</c>.</summary>
    public IReadOnlyDictionary<string, string> Values { get; private init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Reads <c>_config.yml</c>; an empty file gives the defaults.</summary>
    /// <exception cref="SiteConfigurationException">The YAML is not valid.</exception>
    public static JekyllConfig Parse(string? text, string fileName)
    {
        YamlMappingNode root;
        try
        {
            var stream = SiteYaml.Load(text ?? string.Empty);
            root = stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode mapping ? mapping : new YamlMappingNode();
        }
        catch (YamlException e)
        {
            throw new SiteConfigurationException($"{fileName} is not valid YAML (line {e.Start.Line}): {e.Message}", e);
        }

        var plugins = List(root, "plugins") ?? List(root, "gems") ?? GitHubPagesPlugins;
        var relative = root.Children.TryGetValue("relative_links", out var relativeNode) ? relativeNode as YamlMappingNode : null;
        var collections = new Dictionary<string, (bool, string?)>(StringComparer.Ordinal);
        if (root.Children.TryGetValue("collections", out var collectionsNode))
        {
            if (collectionsNode is YamlSequenceNode names)
            {
                foreach (var name in names.OfType<YamlScalarNode>())
                {
                    collections[name.Value ?? string.Empty] = (false, null);
                }
            }
            else if (collectionsNode is YamlMappingNode map)
            {
                foreach (var (key, value) in map.Children)
                {
                    var settings = value as YamlMappingNode;
                    collections[((YamlScalarNode)key).Value ?? string.Empty] = (
                        settings is not null && Bool(settings, "output") == true,
                        settings is null ? null : Scalar(settings, "permalink"));
                }
            }
        }

        var defaults = new List<(string, string?, string?, bool?)>();
        if (root.Children.TryGetValue("defaults", out var defaultsNode) && defaultsNode is YamlSequenceNode entries)
        {
            foreach (var entry in entries.OfType<YamlMappingNode>())
            {
                var scope = entry.Children.TryGetValue("scope", out var s) ? s as YamlMappingNode : null;
                var values = entry.Children.TryGetValue("values", out var v) ? v as YamlMappingNode : null;
                if (values is null)
                {
                    continue;
                }

                defaults.Add((scope is null ? string.Empty : Scalar(scope, "path") ?? string.Empty, scope is null ? null : Scalar(scope, "type"), Scalar(values, "permalink"), Bool(values, "published")));
            }
        }

        var baseUrl = (Scalar(root, "baseurl") ?? string.Empty).Trim();
        return new JekyllConfig
        {
            BaseUrl = baseUrl.Length == 0 || baseUrl == "/" ? string.Empty : "/" + baseUrl.Trim('/'),
            Url = Scalar(root, "url") is { Length: > 0 } url ? url.TrimEnd('/') : null,
            Permalink = Scalar(root, "permalink") ?? "date",
            Exclude = [.. DefaultExcludes, .. List(root, "exclude") ?? []],
            Include = List(root, "include") ?? [".htaccess"],
            Collections = collections,
            CollectionsDir = (Scalar(root, "collections_dir") ?? string.Empty).Trim('/'),
            Future = Bool(root, "future") == true,
            ShowDrafts = Bool(root, "show_drafts") == true,
            Plugins = plugins,
            RelativeLinks = plugins.Contains("jekyll-relative-links") && (relative is null || Bool(relative, "enabled") != false),
            RelativeLinksInCollections = relative is not null && Bool(relative, "collections") == true,
            OptionalFrontMatter = plugins.Contains("jekyll-optional-front-matter"),
            ReadmeIndex = plugins.Contains("jekyll-readme-index"),
            MarkdownExtensions = Scalar(root, "markdown_ext") is { } extensions ? [.. extensions.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)] : ["markdown", "mkdown", "mkdn", "mkd", "md"],
            Defaults = defaults,
            Values = root.Children
                .Where(p => p.Key is YamlScalarNode { Value: not null } && p.Value is YamlScalarNode { Value: not null })
                .ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => ((YamlScalarNode)p.Value).Value!, StringComparer.Ordinal),
        };
    }

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(key, out var node) && node is YamlScalarNode scalar && scalar.Value is { } value && !(scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && value is "~" or "null")
            ? value
            : null;

    private static bool? Bool(YamlMappingNode map, string key) =>
        Scalar(map, key) is { } value ? value.Equals("true", StringComparison.OrdinalIgnoreCase) ? true : value.Equals("false", StringComparison.OrdinalIgnoreCase) ? false : null : null;

    private static List<string>? List(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(key, out var node)
            ? node switch
            {
                YamlSequenceNode sequence => [.. sequence.OfType<YamlScalarNode>().Select(s => s.Value ?? string.Empty)],
                YamlScalarNode { Value: { Length: > 0 } single } => [single],
                _ => [],
            }
            : null;
}
