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
    /// The id of the next heading, given its markdown source as well (<see cref="Extraction.HeadingSource"/>: the
    /// heading's last line without its <c>#</c> markers). Goldmark (Hugo) makes ids from that source, and
    /// <c>{#id}</c> attribute blocks and smart punctuation can only be seen there; the others ignore it.
    /// </summary>
    string Next(string headingText, string headingSource) => Next(headingText);

    /// <summary>
    /// True when <see cref="Next(string, string)"/> reads the source: extraction copies it out of the document only
    /// then (a copy of every heading's lines, for most sites unused).
    /// </summary>
    bool ReadsHeadingSource => false;

    /// <summary>
    /// The id a block written right after a heading gives it instead (kramdown's block IAL <c>{: #id}</c> on the
    /// next line), or null (the default: no such syntax). A heading with such an id does not take a slug.
    /// </summary>
    string? IdFromNextBlock(string blockText) => null;

    /// <summary>True when <see cref="IdFromNextBlock"/> can give an id: extraction looks at the next block only then.</summary>
    bool ReadsNextBlock => false;
}
