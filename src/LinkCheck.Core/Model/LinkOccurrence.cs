namespace LinkCheck.Core.Model;

/// <summary>One link as written in one file.</summary>
/// <param name="Location">Where the destination starts and ends.</param>
/// <param name="Url">The destination after CommonMark unescaping (backslash escapes and entities resolved).</param>
/// <param name="Text">The link text (or image alt text) as plain text; empty when there is none.</param>
/// <param name="Kind">The syntax the link was written in.</param>
public sealed record LinkOccurrence(SourceLocation Location, string Url, string Text, LinkKind Kind)
{
    /// <summary>
    /// Where the destination itself is written when that is not at <see cref="Location"/>: the definition's
    /// destination of a reference link (<c>[label]: url</c>). A fix rewrites it there.
    /// </summary>
    public SourceLocation? Destination { get; init; }
}
