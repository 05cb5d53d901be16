using LinkCheck.Core.Extraction;

namespace LinkCheck.Core.Sites.MkDocs;

/// <summary>MkDocs: a folder with <c>mkdocs.yml</c> (or <c>mkdocs.yaml</c>) is a site root.</summary>
public sealed class MkDocsGenerator : ISiteGenerator
{
    /// <summary>The generator's name.</summary>
    public const string GeneratorName = "mkdocs";

    /// <inheritdoc />
    public string Name => GeneratorName;

    /// <inheritdoc />
    public string? Detect(SiteDirectory directory) =>
        directory.Files.Contains("mkdocs.yml") ? "mkdocs.yml" : directory.Files.Contains("mkdocs.yaml") ? "mkdocs.yaml" : null;

    /// <inheritdoc />
    public ISite Build(SiteSource source) => new MkDocsSite(source);
}
