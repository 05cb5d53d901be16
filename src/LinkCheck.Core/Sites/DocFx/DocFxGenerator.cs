namespace LinkCheck.Core.Sites.DocFx;

/// <summary>
/// DocFX (and Microsoft Learn, which builds DocFX docsets): a folder with <c>docfx.json</c> is a site root, since
/// <c>~/</c> links and the content globs are relative to it.
/// </summary>
public sealed class DocFxGenerator : ISiteGenerator
{
    /// <summary>The generator's name.</summary>
    public const string GeneratorName = "docfx";

    /// <summary>The configuration file.</summary>
    public const string ConfigFileName = "docfx.json";

    /// <inheritdoc />
    public string Name => GeneratorName;

    /// <inheritdoc />
    public string? Detect(SiteDirectory directory) => directory.Files.Contains(ConfigFileName) ? ConfigFileName : null;

    /// <inheritdoc />
    public ISite Build(SiteSource source) => new DocFxSite(source);
}
