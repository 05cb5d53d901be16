namespace LinkCheck.Core.Sites.Docusaurus;

/// <summary>
/// One content plugin instance of a Docusaurus site, as configured: a docs, blog or pages plugin, with the folder it
/// reads (relative to the site) and the route it serves under. Defaults are Docusaurus 3's
/// (<c>plugin-content-docs/src/options.ts</c>: <c>path: 'docs'</c>, <c>routeBasePath: 'docs'</c>; the blog's
/// <c>'blog'</c>; the pages' <c>'src/pages'</c> at <c>'/'</c>).
/// </summary>
/// <param name="Kind">Docs, blog or pages.</param>
/// <param name="Id">The plugin id (<c>default</c> unless set); a docs plugin other than the default keeps its versions in <c>{id}_versioned_docs</c>.</param>
/// <param name="Path">The content folder, relative to the site root.</param>
/// <param name="RouteBasePath">The route, without leading or trailing <c>/</c> (empty for the root).</param>
public sealed record DocusaurusContentPlugin(DocusaurusContentKind Kind, string Id, string Path, string RouteBasePath)
{
    /// <summary>Why this plugin's routes cannot be known statically (a computed <c>path</c> or <c>routeBasePath</c>), or null.</summary>
    public string? Unknown { get; init; }

    /// <summary>Docs: the <c>lastVersion</c> option when given as a literal (the version served without a version segment).</summary>
    public string? LastVersion { get; init; }

    /// <summary>Docs: false when <c>includeCurrentVersion: false</c>.</summary>
    public bool IncludeCurrentVersion { get; init; } = true;

    /// <summary>Docs: the <c>versions.NAME.path</c> options given as literals.</summary>
    public IReadOnlyDictionary<string, string> VersionPaths { get; init; } = new Dictionary<string, string>();
}
