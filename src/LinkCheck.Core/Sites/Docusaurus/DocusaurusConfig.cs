namespace LinkCheck.Core.Sites.Docusaurus;

/// <summary>
/// The few values of <c>docusaurus.config.{js,ts,mjs}</c> the site model needs, read statically (Node is never run):
/// <c>url</c>, <c>baseUrl</c>, and the content plugins from <c>presets</c> (<c>classic</c> /
/// <c>@docusaurus/preset-classic</c>: <c>docs</c>, <c>blog</c>, <c>pages</c>) and <c>plugins</c>
/// (<c>@docusaurus/plugin-content-*</c>). A value that is computed (an environment variable, a function call) is
/// not guessed: it is listed in <see cref="Notes"/>, and what depends on it is unknown.
/// </summary>
/// <param name="Url">The <c>url</c> (scheme and host), or null when absent or computed.</param>
/// <param name="BaseUrl">The <c>baseUrl</c> with leading and trailing <c>/</c>, or null when computed.</param>
/// <param name="Plugins">The content plugins.</param>
/// <param name="Notes">What could not be read, for the report header.</param>
public sealed record DocusaurusConfig(string? Url, string? BaseUrl, IReadOnlyList<DocusaurusContentPlugin> Plugins, IReadOnlyList<string> Notes)
{
    /// <summary>
    /// <c>trailingSlash</c>: true writes every route as <c>/x/</c> (<c>x/index.html</c>), false as <c>/x</c>
    /// (<c>x.html</c>), null (the default) leaves routes as they are, written as <c>x/index.html</c>.
    /// </summary>
    public bool? TrailingSlash { get; init; }

    /// <summary>The configuration file names Docusaurus looks for, in its order (<c>@docusaurus/core</c> <c>server/config.ts</c>).</summary>
    public static IReadOnlyList<string> FileNames { get; } = ["docusaurus.config.ts", "docusaurus.config.mts", "docusaurus.config.cts", "docusaurus.config.js", "docusaurus.config.mjs", "docusaurus.config.cjs"];

    /// <summary>Reads the configuration from its source text.</summary>
    public static DocusaurusConfig Parse(string source)
    {
        var notes = new List<string>();
        var config = JavaScriptLiteral.FindObject(source, "baseUrl", "presets", "url");
        if (config is null)
        {
            notes.Add("no configuration object literal found (built by a function?): the classic preset's defaults are assumed");
            return new DocusaurusConfig(null, "/", Defaults(), notes);
        }

        var url = StringOption(config, "url", notes);
        var baseUrl = config["baseUrl"] is null ? "/" : StringOption(config, "baseUrl", notes);
        if (baseUrl is not null)
        {
            baseUrl = "/" + baseUrl.Trim('/') + "/";
            baseUrl = baseUrl == "//" ? "/" : baseUrl;
        }

        var plugins = new List<DocusaurusContentPlugin>();
        if (config["presets"] is { } presets)
        {
            if (presets.Kind != JavaScriptLiteralKind.ArrayLiteral)
            {
                notes.Add($"presets is computed ({presets.Text})");
            }

            foreach (var preset in presets.Items)
            {
                var (name, options) = NameAndOptions(preset);
                if (name is null)
                {
                    notes.Add($"a preset is computed ({preset.Text})");
                }
                else if (name is "classic" or "@docusaurus/preset-classic" or "@docusaurus/classic")
                {
                    AddPreset(options, plugins, notes);
                }
            }
        }

        if (config["plugins"] is { Kind: JavaScriptLiteralKind.ArrayLiteral } list)
        {
            foreach (var plugin in list.Items)
            {
                var (name, options) = NameAndOptions(plugin);
                var kind = name switch
                {
                    "@docusaurus/plugin-content-docs" or "content-docs" => DocusaurusContentKind.Docs,
                    "@docusaurus/plugin-content-blog" or "content-blog" => DocusaurusContentKind.Blog,
                    "@docusaurus/plugin-content-pages" or "content-pages" => DocusaurusContentKind.Pages,
                    _ => (DocusaurusContentKind?)null,
                };
                if (kind is { } known)
                {
                    plugins.Add(Plugin(known, options, notes));
                }
                else if (name is null && plugin.Kind == JavaScriptLiteralKind.Computed)
                {
                    notes.Add($"a plugin is computed ({plugin.Text}); pages it adds are not known");
                }
            }
        }

        return new DocusaurusConfig(url, baseUrl, plugins, notes) { TrailingSlash = config["trailingSlash"]?.AsBoolean };
    }

    private static List<DocusaurusContentPlugin> Defaults() =>
    [
        new(DocusaurusContentKind.Docs, "default", "docs", "docs"),
        new(DocusaurusContentKind.Blog, "default", "blog", "blog"),
        new(DocusaurusContentKind.Pages, "default", "src/pages", string.Empty),
    ];

    private static void AddPreset(JavaScriptLiteral? options, List<DocusaurusContentPlugin> plugins, List<string> notes)
    {
        foreach (var (key, kind) in new[] { ("docs", DocusaurusContentKind.Docs), ("blog", DocusaurusContentKind.Blog), ("pages", DocusaurusContentKind.Pages) })
        {
            var value = options?[key];
            if (value?.AsBoolean == false)
            {
                continue;
            }

            if (value is { Kind: JavaScriptLiteralKind.Computed })
            {
                notes.Add($"preset option {key} is computed ({value.Text}); its pages are not known");
                plugins.Add(Plugin(kind, null, notes) with { Unknown = $"the {key} options in the Docusaurus configuration are computed ({value.Text})" });
                continue;
            }

            plugins.Add(Plugin(kind, value, notes));
        }
    }

    private static DocusaurusContentPlugin Plugin(DocusaurusContentKind kind, JavaScriptLiteral? options, List<string> notes)
    {
        var (defaultPath, defaultRoute) = kind switch
        {
            DocusaurusContentKind.Docs => ("docs", "docs"),
            DocusaurusContentKind.Blog => ("blog", "blog"),
            _ => ("src/pages", string.Empty),
        };
        var id = options?["id"]?.AsString ?? "default";
        string? unknown = null;
        string Read(string name, string fallback)
        {
            var value = options?[name];
            if (value is null || value.Kind == JavaScriptLiteralKind.NullLiteral)
            {
                return fallback;
            }

            if (value.AsString is { } text)
            {
                return text;
            }

            unknown ??= $"{kind.ToString().ToLowerInvariant()} option {name} is computed ({value.Text})";
            notes.Add(unknown);
            return fallback;
        }

        var path = Read("path", defaultPath).Replace('\\', '/').Trim('/');
        path = path.StartsWith("./", StringComparison.Ordinal) ? path[2..] : path;
        var route = Read("routeBasePath", defaultRoute).Trim('/');
        var versions = new Dictionary<string, string>(StringComparer.Ordinal);
        if (options?["versions"] is { Kind: JavaScriptLiteralKind.ObjectLiteral } configured)
        {
            foreach (var (name, version) in configured.Properties)
            {
                if (version["path"]?.AsString is { } versionPath)
                {
                    versions[name] = versionPath.Trim('/');
                }
            }
        }

        return new DocusaurusContentPlugin(kind, id, path, route)
        {
            Unknown = unknown,
            LastVersion = options?["lastVersion"]?.AsString,
            IncludeCurrentVersion = options?["includeCurrentVersion"]?.AsBoolean ?? true,
            VersionPaths = versions,
        };
    }

    private static (string? Name, JavaScriptLiteral? Options) NameAndOptions(JavaScriptLiteral entry) => entry.Kind switch
    {
        JavaScriptLiteralKind.StringLiteral => (entry.Text, null),
        JavaScriptLiteralKind.ArrayLiteral when entry.Items.Count > 0 && entry.Items[0].AsString is { } name => (name, entry.Items.Count > 1 ? entry.Items[1] : null),
        _ => (null, null),
    };

    private static string? StringOption(JavaScriptLiteral config, string name, List<string> notes)
    {
        var value = config[name];
        if (value?.AsString is { } text)
        {
            return text;
        }

        if (value is not null)
        {
            notes.Add($"{name} is computed ({value.Text})");
        }

        return null;
    }
}
