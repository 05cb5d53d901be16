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

    /// <summary>The label of the definition a reference link uses (<c>Tim</c> for <c>[text][Tim]</c>), or null.</summary>
    public string? Label { get; init; }

    /// <summary>
    /// For a <see cref="LinkKind.Definition"/>: true when an earlier definition with the same label shadows it
    /// (CommonMark §4.7: the first one wins), false when no link uses it. Either way it is never rendered.
    /// </summary>
    public bool IsShadowed { get; init; }
}
