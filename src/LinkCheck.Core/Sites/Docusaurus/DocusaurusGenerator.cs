namespace LinkCheck.Core.Sites.Docusaurus;

/// <summary>Docusaurus 2 and 3: a folder with <c>docusaurus.config.{ts,mts,cts,js,mjs,cjs}</c> is a site root.</summary>
public sealed class DocusaurusGenerator : ISiteGenerator
{
    /// <summary>The generator's name.</summary>
    public const string GeneratorName = "docusaurus";

    /// <inheritdoc />
    public string Name => GeneratorName;

    /// <inheritdoc />
    public string? Detect(SiteDirectory directory) => DocusaurusConfig.FileNames.FirstOrDefault(directory.Files.Contains);

    /// <inheritdoc />
    public ISite Build(SiteSource source) => new DocusaurusSite(source);
}
