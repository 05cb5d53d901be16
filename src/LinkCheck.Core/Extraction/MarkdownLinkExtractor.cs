using System.Text;
using LinkCheck.Core.Model;
using Markdig;
using Markdig.Extensions.Footnotes;
using Markdig.Helpers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace LinkCheck.Core.Extraction;

/// <summary>
/// Extracts every link of a markdown document with the exact position of its destination, and the anchors the
/// document offers, from one Markdig parse.
/// <list type="bullet">
/// <item>Inline links and images (CommonMark §6.3, §6.4) and reference links and images, reported at the usage
/// site (the reference label); an undefined reference is literal text, not a link (§4.7).</item>
/// <item><c>&lt;angle&gt;</c> autolinks (§6.5) and GFM bare URLs and <c>www.</c> links (GFM §6.9).</item>
/// <item>Links in footnote bodies, tables and every container block.</item>
/// <item><c>href</c>/<c>src</c>/<c>srcset</c> URLs in HTML blocks (§4.6) and inline HTML (§6.6), via <see cref="HtmlLinkScanner"/>.</item>
/// <item>Link reference definitions that nothing uses, reported where they are defined.</item>
/// </list>
/// Code spans, code blocks and HTML comments contribute nothing: Markdig never parses links inside them.
/// </summary>
public sealed class MarkdownLinkExtractor
{
    /// <summary>The nesting depth Markdig accepts (its <c>MaximumNestingDepth</c>); deeper documents are reported as errors.</summary>
    public const int MaximumNestingDepth = 128;

    private readonly MarkdownPipeline _pipeline;

    /// <summary>Creates an extractor over the shared pipeline (or another one, for tests).</summary>
    public MarkdownLinkExtractor(MarkdownPipeline? pipeline = null) => _pipeline = pipeline ?? MarkdownPipelineFactory.Shared;

    /// <summary>Parses <paramref name="text"/> once and returns its links and anchors.</summary>
    public DocumentAnalysis Analyze(SourceDocument document, string text) => Analyze(document, text, (IPageRendering?)null);

    /// <summary>
    /// Parses <paramref name="text"/>, a page of <paramref name="site"/>, once: the site's template tags are masked
    /// first (so that <c>[a]({% post_url x %})</c> is a link, with every position unchanged) and put back into the
    /// links extracted, and the headings get the site's ids (<see cref="DocumentAnalysis.SiteAnchors"/>) besides
    /// GitHub's. A null site (GitHub rendering) gives exactly the plain analysis.
    /// </summary>
    public DocumentAnalysis Analyze(SourceDocument document, string text, IPageRendering? site)
    {
        var mask = site?.Tags is { } tags ? TemplateMask.Create(text, tags.FindTags(text)) : null;
        MarkdownDocument markdown;
        if (ListNestingExceeds(text, MaximumNestingDepth))
        {
            return DocumentAnalysis.Failed(document, $"markdown is nested too deeply to check (more than {MaximumNestingDepth} levels of lists, block quotes or brackets)");
        }

        try
        {
            markdown = Markdown.Parse(mask?.Text ?? text, _pipeline);
        }
        catch (ArgumentException e) when (e.Message.Contains("nested", StringComparison.OrdinalIgnoreCase))
        {
            return DocumentAnalysis.Failed(document, $"markdown is nested too deeply to check (more than {MaximumNestingDepth} levels of lists, block quotes or brackets)");
        }

        var walker = new Walker(document, mask?.Text ?? text) { Site = site, Mask = mask };
        walker.Visit(markdown);

        // The syntax tree is garbage from here on: the HTML tokenizer's allocations no longer make the collector
        // promote the whole tree (for a large document that doubled the cost of extraction).
        return walker.Finish();
    }

    /// <summary>
    /// A linear pre-scan for list and block-quote nesting deeper than <paramref name="limit"/>. Markdig refuses such
    /// documents too, but only after work quadratic in the depth (2,000 nested list levels in 4 MB took 28 s or
    /// more before its "nested too deeply"). The scan follows CommonMark's container rules loosely (§5.1 block quotes,
    /// §5.2 list items): a list item's content starts after its marker and one space, and a line indented less
    /// than an open item's content closes that item. It can only underestimate the depth Markdig sees (lazy
    /// continuation lines close items here), so a document it rejects Markdig would reject too.
    /// </summary>
    internal static bool ListNestingExceeds(string text, int limit)
    {
        var open = new List<int>();
        var fence = '\0';
        foreach (var range in text.AsSpan().Split('\n'))
        {
            var line = text.AsSpan(range.Start.GetOffset(text.Length), range.End.GetOffset(text.Length) - range.Start.GetOffset(text.Length)).TrimEnd('\r');
            if (line.IsWhiteSpace())
            {
                continue;
            }

            var column = 0;
            var i = 0;
            var first = true;
            while (true)
            {
                while (i < line.Length && line[i] is ' ' or '\t')
                {
                    column += line[i] == '\t' ? 4 - (column % 4) : 1;
                    i++;
                }

                if (first)
                {
                    // The first non-blank column decides which open items this line still belongs to.
                    while (open.Count > 0 && column < open[^1])
                    {
                        open.RemoveAt(open.Count - 1);
                    }

                    first = false;
                }

                if (i >= line.Length || (open.Count > 0 && column >= open[^1] + 4) || (open.Count == 0 && column >= 4))
                {
                    break; // indented code, or the end of the line
                }

                var rest = line[i..];
                if (fence != '\0')
                {
                    if (rest.StartsWith([fence, fence, fence]))
                    {
                        fence = '\0';
                    }

                    break;
                }

                if (rest.StartsWith("```") || rest.StartsWith("~~~"))
                {
                    fence = rest[0];
                    break;
                }

                var width = rest[0] switch
                {
                    '>' => 1,
                    '-' or '*' or '+' when rest.Length == 1 || rest[1] is ' ' or '\t' => 1,
                    >= '0' and <= '9' => OrderedMarkerWidth(rest),
                    _ => 0,
                };
                if (width == 0)
                {
                    break;
                }

                open.Add(column + width + 1);
                if (open.Count > limit)
                {
                    return true;
                }

                column += width;
                i += width;
            }
        }

        return false;
    }

    private static int OrderedMarkerWidth(ReadOnlySpan<char> rest)
    {
        var digits = 0;
        while (digits < rest.Length && digits < 9 && char.IsAsciiDigit(rest[digits]))
        {
            digits++;
        }

        return digits < rest.Length && rest[digits] is '.' or ')' && (digits + 1 == rest.Length || rest[digits + 1] is ' ' or '\t') ? digits + 1 : 0;
    }

    /// <summary>The state of one walk over one parsed document.</summary>
    private sealed class Walker(SourceDocument document, string text)
    {
        private readonly LineMap _lines = new(text);
        private readonly List<LinkOccurrence> _links = new(64);
        private readonly List<string> _anchors = [];
        private readonly GitHubSlugger _slugger = new();
        private readonly HashSet<LinkReferenceDefinition> _usedDefinitions = new(ReferenceEqualityComparer.Instance);
        private readonly List<LinkReferenceDefinition> _definitions = [];
        private readonly List<HtmlUrl> _htmlUrls = [];
        private readonly List<(int Offset, string Data)> _comments = [];
        private readonly List<IgnoreDirective> _directives = [];
        private readonly List<(string Html, Func<int, int> ToSource, string? AnchorText)> _pendingHtml = [];
        private readonly List<HeadingAnchor> _headings = [];
        private readonly List<string> _siteAnchors = [];
        private IHeadingSlugger? _siteSlugger;

        /// <summary>The site the document is a page of (null: GitHub rendering only).</summary>
        public IPageRendering? Site { get; init; }

        /// <summary>The template tags masked in the text, put back into every URL and text extracted.</summary>
        public TemplateMask? Mask { get; init; }

        /// <summary>Everything that needs the syntax tree: links, headings, definitions, and the HTML to scan later.</summary>
        public void Visit(MarkdownDocument markdown)
        {
            VisitBlock(markdown);

            // Definitions no link uses are still checked (a later edit may use them), but they are never rendered;
            // CommonMark §4.7 matches labels case-insensitively after collapsing whitespace, and the first wins.
            var labels = new HashSet<string>(StringComparer.Ordinal);
            foreach (var definition in _definitions)
            {
                var first = labels.Add(NormalizeLabel(definition.Label ?? string.Empty));
                if (!_usedDefinitions.Contains(definition) && definition.Url is not null)
                {
                    _links.Add(Occurrence(Inside(definition.UrlSpan, '<', '>'), definition.Url, definition.Label ?? string.Empty, LinkKind.Definition) with { IsShadowed = !first });
                }
            }

            _definitions.Clear();
            _usedDefinitions.Clear();
        }

        /// <summary>A link label as CommonMark compares it: Unicode case fold (approximated by upper-casing) and runs of whitespace as one space.</summary>
        private static string NormalizeLabel(string label) =>
            string.Join(' ', label.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();

        /// <summary>Scans the collected HTML and returns the analysis; holds no reference to the syntax tree.</summary>
        public DocumentAnalysis Finish()
        {
            foreach (var (html, toSource, anchorText) in _pendingHtml)
            {
                ScanHtml(html, toSource, anchorText);
            }

            _links.Sort(static (a, b) =>
            {
                var line = a.Location.Line.CompareTo(b.Location.Line);
                return line != 0 ? line : a.Location.Column.CompareTo(b.Location.Column);
            });
            if (Mask is not null)
            {
                for (var i = 0; i < _links.Count; i++)
                {
                    var link = _links[i];
                    if (TemplateMask.IsMasked(link.Url) || TemplateMask.IsMasked(link.Text))
                    {
                        _links[i] = link with { Url = Mask.Unmask(link.Url), Text = Mask.Unmask(link.Text) };
                    }
                }
            }

            var anchors = new AnchorIndex(_anchors);
            return new DocumentAnalysis(document, _links, anchors, _lines.LineCount, null)
            {
                Directives = [.. _directives.OrderBy(d => d.Line).ThenBy(d => d.Column)],

                // Most pages' headings get the same ids on the site as on GitHub: one index then serves both (every
                // analysis lives to the end of the run, and a second index per page was most of what the site's
                // rendering added to extraction).
                SiteAnchors = Site is null ? null : new PageAnchors(_siteAnchors.SequenceEqual(_anchors, StringComparer.Ordinal) ? anchors : new AnchorIndex(_siteAnchors), _headings),
            };
        }

        /// <summary>The markdown source of <paramref name="heading"/>, its template tags put back.</summary>
        private string SourceOf(HeadingBlock heading)
        {
            var source = HeadingSource.Of(heading, text);
            return Mask?.Unmask(source) ?? source;
        }

        /// <summary>
        /// Pre-order, document-order visit of every block and inline. Plain recursion (not Markdig's iterator-based
        /// Descendants) because it is several times cheaper, and Markdig already bounds the nesting depth.
        /// </summary>
        private void VisitBlock(Block block)
        {
            switch (block)
            {
                case HeadingBlock heading:
                    var headingText = InlineText.Of(heading.Inline);
                    var gitHubId = _slugger.Next(headingText);
                    _anchors.Add(gitHubId);
                    if (Site is not null)
                    {
                        var plain = Mask?.Unmask(headingText) ?? headingText;
                        _siteSlugger ??= Site.CreateSlugger();
                        var siteId = (_siteSlugger.ReadsNextBlock && NextBlockText(heading) is { } next ? _siteSlugger.IdFromNextBlock(next) : null)
                            ?? (_siteSlugger.ReadsHeadingSource ? _siteSlugger.Next(plain, SourceOf(heading)) : _siteSlugger.Next(plain));
                        siteId = siteId == gitHubId ? gitHubId : siteId; // one string kept for the run, not two
                        _siteAnchors.Add(siteId);
                        _headings.Add(new HeadingAnchor(plain, siteId, gitHubId));
                    }

                    break;
                case HtmlBlock html:
                    AddHtmlBlock(html);
                    return;
                case FootnoteLinkReferenceDefinition:
                    return;
                case LinkReferenceDefinition definition:
                    _definitions.Add(definition);
                    return;
                case Footnote footnote when footnote.Label is { Length: > 0 } label:
                    // GitHub renders footnotes with ids user-content-fn-LABEL and user-content-fnref-LABEL
                    // (Markdig keeps the caret of "[^label]" in the label).
                    label = label.TrimStart('^');
                    _anchors.Add("fn-" + label);
                    _anchors.Add("fnref-" + label);
                    if (Site is not null)
                    {
                        _siteAnchors.AddRange(Site.FootnoteIds(label));
                    }

                    break;
            }

            if (block is ContainerBlock container)
            {
                for (var i = 0; i < container.Count; i++)
                {
                    VisitBlock(container[i]);
                }
            }
            else if (block is LeafBlock { Inline: { } inline })
            {
                VisitInline(inline);
            }
        }

        /// <summary>The text of a paragraph right after <paramref name="heading"/> (on the next line), or null.</summary>
        private string? NextBlockText(HeadingBlock heading)
        {
            if (heading.Parent is not { } parent)
            {
                return null;
            }

            var index = parent.IndexOf(heading);
            return index >= 0 && index + 1 < parent.Count && parent[index + 1] is ParagraphBlock { Inline: { } inline } paragraph && paragraph.Line == heading.Line + 1
                ? Mask?.Unmask(InlineText.Of(inline)) ?? InlineText.Of(inline)
                : null;
        }

        private void VisitInline(Inline inline)
        {
            switch (inline)
            {
                case LinkInline link:
                    AddLink(link);
                    break;
                case AutolinkInline autolink:
                    AddAutolink(autolink);
                    return;
                case HtmlInline html:
                    AddHtmlInline(html);
                    return;
            }

            if (inline is ContainerInline container)
            {
                for (var child = container.FirstChild; child is not null; child = child.NextSibling)
                {
                    VisitInline(child);
                }
            }
        }

        private void AddLink(LinkInline link)
        {
            var kind = link.IsImage ? LinkKind.Image : link.IsAutoLink ? LinkKind.Autolink : LinkKind.Link;
            SourceSpan span;
            SourceLocation? destination = null;
            if (link.Reference is { } reference)
            {
                // The usage site: the label of [text][label], or the text of [label][] and [label].
                _usedDefinitions.Add(reference);
                span = IsWithin(link.LabelSpan, link.Span) ? link.LabelSpan : Inside(link.Span, '[', ']');
                if (!reference.UrlSpan.IsEmpty)
                {
                    destination = Locate(Inside(reference.UrlSpan, '<', '>'));
                }
            }
            else
            {
                span = IsWithin(link.UrlSpan, link.Span) ? Inside(link.UrlSpan, '<', '>') : link.Span;
            }

            _links.Add(Occurrence(span, link.Url ?? string.Empty, InlineText.Of(link, includeImageAlt: true), kind) with { Destination = destination, Label = link.Reference?.Label });
        }

        private void AddAutolink(AutolinkInline autolink)
        {
            // The span covers the angle brackets (CommonMark §6.5); the destination is inside them.
            var span = new SourceSpan(autolink.Span.Start + 1, autolink.Span.End - 1);
            var url = autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url;
            _links.Add(Occurrence(span, url, autolink.Url, LinkKind.Autolink));
        }

        private void AddHtmlBlock(HtmlBlock block)
        {
            // Scan the block's own lines (container markers such as "> " are not part of them) and map every
            // offset back to the source through the line it falls on.
            var lines = block.Lines;
            var html = new StringBuilder();
            var lineStarts = new int[lines.Count];
            var sourceStarts = new int[lines.Count];
            for (var i = 0; i < lines.Count; i++)
            {
                var slice = lines.Lines[i].Slice;
                lineStarts[i] = html.Length;
                sourceStarts[i] = ReferenceEquals(slice.Text, text) ? slice.Start : lines.Lines[i].Position;
                html.Append(slice.AsSpan());
                html.Append('\n');
            }

            var snippet = html.ToString();
            if (!MayHoldUrlOrAnchor(snippet))
            {
                return;
            }

            _pendingHtml.Add((snippet, offset =>
            {
                var line = Array.BinarySearch(lineStarts, offset);
                if (line < 0)
                {
                    line = ~line - 1;
                }

                return sourceStarts[line] + (offset - lineStarts[line]);
            }, null));
        }

        private void AddHtmlInline(HtmlInline inline)
        {
            var tag = inline.Tag ?? string.Empty;
            if (!MayHoldUrlOrAnchor(tag))
            {
                return;
            }

            var start = inline.Span.Start;
            var verbatim = start >= 0 && start + tag.Length <= text.Length && string.CompareOrdinal(text, start, tag, 0, tag.Length) == 0;

            // An inline <a href> is split by the parser into its start tag, the text, and its end tag: the
            // link text is the inline content up to the matching </a>.
            string? anchorText = null;
            if (tag.StartsWith("<a", StringComparison.OrdinalIgnoreCase))
            {
                var content = new StringBuilder();
                for (var next = inline.NextSibling; next is not null; next = next.NextSibling)
                {
                    if (next is HtmlInline { Tag: { } closing } && closing.StartsWith("</a", StringComparison.OrdinalIgnoreCase))
                    {
                        anchorText = content.ToString().Trim();
                        break;
                    }

                    content.Append(next switch
                    {
                        LiteralInline literal => literal.Content.ToString(),
                        CodeInline code => code.Content,
                        HtmlEntityInline entity => entity.Transcoded.ToString(),
                        ContainerInline container => InlineText.Of(container, includeImageAlt: true),
                        _ => string.Empty,
                    });
                }
            }

            _pendingHtml.Add((tag, offset => verbatim ? start + offset : start, anchorText));
        }

        private void ScanHtml(string html, Func<int, int> toSource, string? anchorText)
        {
            _htmlUrls.Clear();
            _comments.Clear();
            var before = _anchors.Count;
            HtmlLinkScanner.Scan(html, _htmlUrls, _anchors, _comments);
            if (Site is not null)
            {
                // Ids written in HTML are the same on the site.
                for (var i = before; i < _anchors.Count; i++)
                {
                    _siteAnchors.Add(_anchors[i]);
                }
            }

            foreach (var (offset, data) in _comments)
            {
                if (IgnoreComments.Parse(data) is { } directive)
                {
                    var (line, column) = _lines.Locate(toSource(offset));
                    _directives.Add(new IgnoreDirective(directive.Kind, line, column, directive.Text));
                }
            }

            foreach (var url in _htmlUrls)
            {
                var start = toSource(url.Start);
                var end = Math.Max(start, toSource(Math.Max(url.Start, url.End - 1)));
                var linkText = url.Text.Length == 0 && anchorText is not null && _htmlUrls.Count == 1 ? anchorText : url.Text;
                _links.Add(Occurrence(new SourceSpan(start, end), url.Url, linkText, LinkKind.Html));
            }
        }

        /// <summary>
        /// Every URL and anchor is the value of one of a few attributes: most inline HTML (<c>&lt;br&gt;</c>,
        /// <c>&lt;kbd&gt;</c>, closing tags) has none of them, and is not worth a tokenizer.
        /// </summary>
        private static bool MayHoldUrlOrAnchor(string html) =>
            html.Contains("<!--", StringComparison.Ordinal) || (html.Contains('=', StringComparison.Ordinal)
            && (html.Contains("href", StringComparison.OrdinalIgnoreCase) || html.Contains("src", StringComparison.OrdinalIgnoreCase)
                || html.Contains("poster", StringComparison.OrdinalIgnoreCase) || html.Contains("id", StringComparison.OrdinalIgnoreCase)
                || html.Contains("name", StringComparison.OrdinalIgnoreCase)));

        private LinkOccurrence Occurrence(SourceSpan span, string url, string linkText, LinkKind kind) =>
            new(Locate(span), url, linkText, kind);

        private SourceLocation Locate(SourceSpan span)
        {
            var (line, column) = _lines.Locate(span.Start);
            var (_, endColumn) = _lines.Locate(Math.Max(span.Start, span.End));
            return new SourceLocation(document.Path, line, column, endColumn);
        }

        /// <summary>The span without its delimiters, when it starts and ends with them (a <c>&lt;destination&gt;</c>, a <c>[label]</c>).</summary>
        private SourceSpan Inside(SourceSpan span, char open, char close) =>
            span.Length >= 2 && span.End < text.Length && text[span.Start] == open && text[span.End] == close
                ? new SourceSpan(span.Start + 1, span.End - 1)
                : span;

        private static bool IsWithin(SourceSpan inner, SourceSpan outer) =>
            inner.Length > 0 && inner.Start >= outer.Start && inner.End <= outer.End;
    }
}
