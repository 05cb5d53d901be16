using LinkCheck.Core.Extraction;

namespace LinkCheck.Core.Sites.MdBook;

/// <summary>mdBook: a folder with <c>book.toml</c> is a book's root.</summary>
public sealed class MdBookGenerator : ISiteGenerator
{
    /// <summary>The generator's name.</summary>
    public const string GeneratorName = "mdbook";

    /// <inheritdoc />
    public string Name => GeneratorName;

    /// <inheritdoc />
    public string? Detect(SiteDirectory directory) => directory.Files.Contains("book.toml") ? "book.toml" : null;

    /// <inheritdoc />
    public ISite Build(SiteSource source) => new MdBookSite(source);
}
