using LinkCheck.Core.Extraction;

namespace LinkCheck.Core.Resolution;

/// <summary>How a link target's fragments are interpreted.</summary>
public enum TargetDocumentKind
{
    /// <summary>Rendered markdown: heading ids, HTML ids, footnotes.</summary>
    Markdown,

    /// <summary>An HTML page: its <c>id</c> and <c>name</c> attributes.</summary>
    Html,

    /// <summary>Any other file: GitHub's <c>#L10</c> line anchors.</summary>
    Other,
}

/// <summary>What a fragment can point at in one file.</summary>
/// <param name="Kind">How fragments are interpreted.</param>
/// <param name="Anchors">The anchors (markdown and HTML).</param>
/// <param name="LineCount">The number of lines (for <c>#L</c> anchors).</param>
/// <param name="Error">Why the file could not be read, or null.</param>
public sealed record TargetDocument(TargetDocumentKind Kind, AnchorIndex Anchors, int LineCount, string? Error = null);
