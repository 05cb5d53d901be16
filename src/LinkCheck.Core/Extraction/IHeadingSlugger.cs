namespace LinkCheck.Core.Extraction;

/// <summary>
/// A generator's heading-id rules. One instance per document, since repeated headings are numbered
/// (GitHub <c>-1</c>, kramdown <c>-1</c>, Python-Markdown <c>_1</c>).
/// </summary>
public interface IHeadingSlugger
{
    /// <summary>The id of the next heading of the document, from its plain text (as a browser's <c>textContent</c> reads it).</summary>
    string Next(string headingText);

    /// <summary>
    /// The id a block written right after a heading gives it instead (kramdown's block IAL <c>{: #id}</c> on the
    /// next line), or null (the default: no such syntax). A heading with such an id does not take a slug.
    /// </summary>
    string? IdFromNextBlock(string blockText) => null;
}
