namespace LinkCheck.Core.Tests.Sites.Harness;

/// <summary>The real generators the site tests build fixtures with. Each helper adds its generator here.</summary>
public static class Generators
{
    /// <summary>
    /// Jekyll 4.3 from Debian with GitHub Pages' default plugins (the fixture's <c>_config.yml</c> names them, as the
    /// github-pages gem would enable them). GitHub Pages serves <c>/x</c> for <c>/x.html</c>.
    /// </summary>
    public static GeneratorCommand Jekyll { get; } = new(
        "jekyll",
        "jekyll",
        (source, output) => ["build", "--source", source, "--destination", output, "--safe", "--quiet", "--disable-disk-cache"],
        ".ci/install-jekyll.sh (Debian: jekyll ruby-jekyll-relative-links ruby-jekyll-optional-front-matter ruby-jekyll-readme-index ruby-jekyll-titles-from-headings)")
    {
        ServesWithoutHtmlExtension = true,
        Environment = new Dictionary<string, string> { ["JEKYLL_ENV"] = "production", ["LANG"] = "C.UTF-8" },
    };
}
