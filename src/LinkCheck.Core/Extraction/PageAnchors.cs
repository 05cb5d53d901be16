using LinkCheck.Core.Extraction;

namespace LinkCheck.Core.Extraction;

/// <summary>The anchors a published page has under its site's rules.</summary>
/// <param name="Anchors">Every id of the page: headings, HTML <c>id</c>/<c>name</c>, footnotes.</param>
/// <param name="Headings">The headings in document order, with both spellings.</param>
/// <param name="Error">Why the page's anchors could not be read, or null.</param>
public sealed record PageAnchors(AnchorIndex Anchors, IReadOnlyList<HeadingAnchor> Headings, string? Error = null)
{
    /// <summary>A page without anchors.</summary>
    public static PageAnchors Empty { get; } = new(AnchorIndex.Empty, []);
}
