using LinkCheck.Core.Model;

namespace LinkCheck.Core.Extraction;

/// <summary>What extraction learned from one document: its links, its anchors, or why it could not be read.</summary>
/// <param name="Document">The document.</param>
/// <param name="Links">Every link, in line and column order.</param>
/// <param name="Anchors">The anchors links into this document can use.</param>
/// <param name="LineCount">The number of lines (for <c>#L10</c> anchors on the file's source view).</param>
/// <param name="Error">Why the document could not be checked, or null.</param>
public sealed record DocumentAnalysis(SourceDocument Document, IReadOnlyList<LinkOccurrence> Links, AnchorIndex Anchors, int LineCount, string? Error)
{
    /// <summary>The inline ignore comments of the document, in order.</summary>
    public IReadOnlyList<IgnoreDirective> Directives { get; init; } = [];

    /// <summary>For a page of a site other than GitHub's: its anchors under that site's heading-id rules; null otherwise.</summary>
    public PageAnchors? SiteAnchors { get; init; }

    /// <summary>Why the file was read in another encoding than UTF-8 (see <see cref="DocumentReader"/>), or null.</summary>
    public string? EncodingWarning { get; init; }

    /// <summary>An analysis for a document that could not be checked.</summary>
    public static DocumentAnalysis Failed(SourceDocument document, string error) => new(document, [], AnchorIndex.Empty, 0, error);
}
