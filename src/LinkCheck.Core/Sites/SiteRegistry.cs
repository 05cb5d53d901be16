namespace LinkCheck.Core.Sites;

/// <summary>
/// The generators detection asks, in order, for every folder of the repository (the first that recognises a
/// folder's configuration wins). A generator plugs in with its folder and one line here.
/// </summary>
public static class SiteRegistry
{
    /// <summary>The name of the default site: files judged as GitHub renders them.</summary>
    public const string GitHubName = "github";

    /// <summary>The name that turns detection off (<c>--site none</c>) or, for one root, makes it GitHub-rendered.</summary>
    public const string NoneName = "none";

    /// <summary>Every generator, in detection order.</summary>
    public static IReadOnlyList<ISiteGenerator> Generators { get; } =
    [
        new Jekyll.JekyllGenerator(),
        new Hugo.HugoGenerator(),
        new MkDocs.MkDocsGenerator(),
        new MdBook.MdBookGenerator(),
        new DocFx.DocFxGenerator(),
        new Docusaurus.DocusaurusGenerator(),
    ];

    /// <summary>Every name a user may give: the generators, <c>github</c> and <c>none</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Generators.Select(g => g.Name), GitHubName, NoneName];

    /// <summary>The generator named <paramref name="name"/> (case-insensitive), or null.</summary>
    public static ISiteGenerator? Find(string name) =>
        Generators.FirstOrDefault(g => g.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
}
