namespace LinkCheck.Core.Sites.Jekyll;

/// <summary>
/// Jekyll (and GitHub Pages, which builds Jekyll sites): a folder with <c>_config.yml</c> (or <c>_config.toml</c>)
/// is a site root. A Jupyter Book also has a <c>_config.yml</c>, next to its <c>_toc.yml</c>: that is not Jekyll.
/// </summary>
public sealed class JekyllGenerator : ISiteGenerator
{
    /// <summary>The generator's name.</summary>
    public const string GeneratorName = "jekyll";

    /// <inheritdoc />
    public string Name => GeneratorName;

    /// <inheritdoc />
    public string? Detect(SiteDirectory directory)
    {
        if (directory.Files.Contains("_toc.yml"))
        {
            return null;
        }

        return directory.Files.Contains("_config.yml") ? "_config.yml"
            : directory.Files.Contains("_config.yaml") ? "_config.yaml"
            : directory.Files.Contains("_config.toml") ? "_config.toml"
            : null;
    }

    /// <inheritdoc />
    public ISite Build(SiteSource source) => new JekyllSite(source);
}
