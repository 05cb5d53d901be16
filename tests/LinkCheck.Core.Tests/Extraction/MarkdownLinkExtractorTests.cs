using LinkCheck.Core.Extraction;
using LinkCheck.Core.Model;

namespace LinkCheck.Core.Tests.Extraction;

/// <summary>One test per way of writing a link, each with the exact position of its destination.</summary>
public class MarkdownLinkExtractorTests
{
    private static DocumentAnalysis Analyze(string markdown) =>
        new MarkdownLinkExtractor().Analyze(new SourceDocument("docs/page.md", "/repo/docs/page.md"), markdown);

    private static LinkOccurrence Single(string markdown) => Assert.Single(Analyze(markdown).Links);

    private static void AssertLink(LinkOccurrence link, string url, int line, int column, int endColumn, LinkKind kind)
    {
        Assert.Equal(url, link.Url);
        Assert.Equal(kind, link.Kind);
        Assert.Equal(new SourceLocation("docs/page.md", line, column, endColumn), link.Location);
    }

    [Fact]
    public void InlineLink_ReportsDestinationPosition()
    {
        var link = Single("Intro\n\nSee [the guide](guide.md) now.\n");
        AssertLink(link, "guide.md", 3, 17, 24, LinkKind.Link);
        Assert.Equal("the guide", link.Text);
    }

    [Fact]
    public void InlineLink_WithTitleAndAngleBrackets_ReportsInsideTheBrackets() =>
        AssertLink(Single("[a](<my file.md> \"Title\")"), "my file.md", 1, 6, 15, LinkKind.Link);

    [Fact]
    public void InlineLink_BackslashEscapesAndEntities_AreUnescaped() =>
        AssertLink(Single(@"[a](foo\_bar&amp;baz.md)"), "foo_bar&baz.md", 1, 5, 23, LinkKind.Link);

    [Theory]
    [InlineData("- see [x](x.md)\n", 11)]
    [InlineData("- [X](x.md)\n", 7)]
    [InlineData("> 1. a [ ](x.md)\n", 12)]
    public void InlineLink_WhoseTextLooksLikeATaskMarker_IsStillALink(string markdown, int column) =>
        AssertLink(Single(markdown), "x.md", 1, column, column + 3, LinkKind.Link);

    [Fact]
    public void TaskListMarker_IsNotALink() =>
        Assert.Single(Analyze("- [x] done, see [guide](guide.md)\n- [ ] todo\n").Links, l => l.Url == "guide.md");

    [Fact]
    public void InlineImage_IsAnImageWithAltText()
    {
        var link = Single("Logo: ![The logo](img/logo.png)");
        AssertLink(link, "img/logo.png", 1, 19, 30, LinkKind.Image);
        Assert.Equal("The logo", link.Text);
    }

    [Fact]
    public void ReferenceLink_IsReportedAtTheUsageSite()
    {
        var links = Analyze("First line\n\nRead [the docs][docs] today.\n\n[docs]: https://example.com/docs\n").Links;
        var link = Assert.Single(links);
        AssertLink(link, "https://example.com/docs", 3, 17, 20, LinkKind.Link);
    }

    [Fact]
    public void CollapsedAndShortcutReferences_AreReportedAtTheirLabels()
    {
        var links = Analyze("[Guide][] and [Guide]\n\n[guide]: guide.md\n").Links;
        Assert.Equal(2, links.Count);
        AssertLink(links[0], "guide.md", 1, 2, 6, LinkKind.Link);
        AssertLink(links[1], "guide.md", 1, 16, 20, LinkKind.Link);
    }

    [Fact]
    public void ReferenceImage_IsAnImageAtTheUsageSite() =>
        AssertLink(Single("![alt][logo]\n\n[logo]: logo.png\n"), "logo.png", 1, 8, 11, LinkKind.Image);

    [Fact]
    public void UndefinedReference_IsNotALink() =>
        Assert.Empty(Analyze("This [is not] a link and [neither][this].\n").Links);

    [Fact]
    public void UnusedDefinition_IsReportedWhereItIsDefined() =>
        AssertLink(Single("Text\n\n[unused]: old/page.md\n"), "old/page.md", 3, 11, 21, LinkKind.Definition);

    [Fact]
    public void AngleAutolink_ReportsTheUrlInsideTheBrackets() =>
        AssertLink(Single("Go to <https://example.com/a>."), "https://example.com/a", 1, 8, 28, LinkKind.Autolink);

    [Fact]
    public void AngleEmailAutolink_BecomesMailto() =>
        AssertLink(Single("Mail <team@example.com>"), "mailto:team@example.com", 1, 7, 22, LinkKind.Autolink);

    [Fact]
    public void BareUrl_IsAGfmAutolink() =>
        AssertLink(Single("Visit https://example.com/x for more."), "https://example.com/x", 1, 7, 27, LinkKind.Autolink);

    [Fact]
    public void WwwLink_IsAGfmAutolinkWithHttp() =>
        AssertLink(Single("Visit www.example.com today."), "http://www.example.com", 1, 7, 21, LinkKind.Autolink);

    [Fact]
    public void FootnoteBody_LinksAreFound() =>
        AssertLink(Single("Claim.[^1]\n\n[^1]: Source: [paper](papers/a.pdf)\n"), "papers/a.pdf", 3, 23, 34, LinkKind.Link);

    [Fact]
    public void HtmlBlock_AnchorHrefAndImageSrc()
    {
        var links = Analyze("<p align=\"center\">\n  <a href=\"docs/intro.md\">Intro</a>\n  <img src='logo.png' alt=\"Logo\">\n</p>\n").Links;
        Assert.Equal(2, links.Count);
        AssertLink(links[0], "docs/intro.md", 2, 12, 24, LinkKind.Html);
        Assert.Equal("Intro", links[0].Text);
        AssertLink(links[1], "logo.png", 3, 13, 20, LinkKind.Html);
        Assert.Equal("Logo", links[1].Text);
    }

    [Fact]
    public void HtmlBlock_SrcsetCandidatesAreEachALink()
    {
        var links = Analyze("<picture>\n<source srcset=\"dark.png 1x, dark@2x.png 2x\">\n</picture>\n").Links;
        Assert.Equal(["dark.png", "dark@2x.png"], links.Select(l => l.Url));
        AssertLink(links[0], "dark.png", 2, 17, 24, LinkKind.Html);
        AssertLink(links[1], "dark@2x.png", 2, 30, 40, LinkKind.Html);
    }

    [Theory]
    [InlineData("<video src=\"a.mp4\" poster=\"p.png\"></video>", new[] { "a.mp4", "p.png" })]
    [InlineData("<audio src=\"a.ogg\"></audio>", new[] { "a.ogg" })]
    [InlineData("<iframe src=\"frame.html\"></iframe>", new[] { "frame.html" })]
    [InlineData("<link href=\"style.css\">", new[] { "style.css" })]
    [InlineData("<map><area href=\"area.md\"></map>", new[] { "area.md" })]
    [InlineData("<div data-href=\"no.md\" class=\"x\"></div>", new string[0])]
    public void HtmlBlock_UrlAttributesOfEachElement(string html, string[] expected) =>
        Assert.Equal(expected, Analyze(html + "\n").Links.Select(l => l.Url));

    [Fact]
    public void InlineHtml_AnchorWithText()
    {
        var link = Single("Read <a href=\"guide.md\">the <em>guide</em></a> first.");
        AssertLink(link, "guide.md", 1, 15, 22, LinkKind.Html);
        Assert.Equal("the guide", link.Text);
    }

    [Fact]
    public void HtmlEntitiesInAttributes_AreDecoded() =>
        Assert.Equal("a&b.md", Single("<a href=\"a&amp;b.md\">x</a>\n").Url);

    [Fact]
    public void HtmlBlockInBlockquote_PositionsSkipTheQuoteMarkers() =>
        AssertLink(Single("> <div>\n> <a href=\"q.md\">q</a>\n> </div>\n"), "q.md", 2, 12, 15, LinkKind.Html);

    [Fact]
    public void NestedListsAndBlockquotes_KeepExactColumns()
    {
        var links = Analyze("- level 1\n  - level 2 [a](a.md)\n    > quote [b](b.md)\n").Links;
        AssertLink(links[0], "a.md", 2, 17, 20, LinkKind.Link);
        AssertLink(links[1], "b.md", 3, 17, 20, LinkKind.Link);
    }

    [Fact]
    public void Table_LinksInCells() =>
        AssertLink(Single("| a | b |\n|---|---|\n| [x](x.md) | y |\n"), "x.md", 3, 7, 10, LinkKind.Link);

    [Theory]
    [InlineData("`[code](nope.md)`")]
    [InlineData("```\n[fenced](nope.md)\n```")]
    [InlineData("~~~md\n<a href=\"nope.md\">x</a>\n~~~")]
    [InlineData("Para\n\n    [indented](nope.md)")]
    [InlineData("<!-- [comment](nope.md) <a href=\"nope.md\"> -->")]
    [InlineData("Text <!-- <a href=\"nope.md\">x</a> --> more")]
    [InlineData("<script>document.write('<a href=\"nope.md\">')</script>")]
    public void CodeAndComments_ContainNoLinks(string markdown) =>
        Assert.Empty(Analyze(markdown + "\n").Links);

    [Fact]
    public void YamlFrontMatter_IsSkipped()
    {
        var link = Single("---\ntitle: \"[not](a-link.md)\"\nlink: <https://no.example>\n---\n# Post\n\n[yes](post.md)\n");
        AssertLink(link, "post.md", 7, 7, 13, LinkKind.Link);
    }

    [Fact]
    public void CrlfLineEndings_CountAsOneLineBreak() =>
        AssertLink(Single("a\r\nb\r\n\r\n[c](c.md)\r\n"), "c.md", 4, 5, 8, LinkKind.Link);

    [Fact]
    public void LinkInsideImage_BothAreReported()
    {
        var links = Analyze("[![badge](badge.svg)](https://ci.example/build)").Links;
        Assert.Equal(["badge.svg", "https://ci.example/build"], links.Select(l => l.Url));
        Assert.Equal([LinkKind.Image, LinkKind.Link], links.Select(l => l.Kind));
    }

    [Fact]
    public void EmptyDestination_IsALinkWithEmptyUrl() =>
        Assert.Equal(string.Empty, Single("[todo]()").Url);

    [Fact]
    public void Headings_GiveGitHubAnchorsInDocumentOrder()
    {
        var anchors = Analyze("# Intro\n\n## Install on *Linux*\n\n## Install on *Linux*\n\nSetext `Heading`\n---\n\n### ![img](x.png) Image dropped\n\n## [Linked](x.md) heading\n").Anchors;
        Assert.Equal(["intro", "install-on-linux", "install-on-linux-1", "setext-heading", "-image-dropped", "linked-heading"], anchors.Anchors);
    }

    [Fact]
    public void HtmlIdsAndNamesAndFootnotes_AreAnchors()
    {
        var anchors = Analyze("<a name=\"legacy\"></a>\n\n<div id=\"box\">x</div>\n\nText <span id=\"inline-id\">y</span>[^note]\n\n[^note]: A note.\n").Anchors;
        Assert.True(anchors.Contains("legacy"));
        Assert.True(anchors.Contains("box"));
        Assert.True(anchors.Contains("inline-id"));
        Assert.True(anchors.Contains("fn-note"));
        Assert.True(anchors.Contains("fnref-note"));
    }

    [Fact]
    public void ManyLinks_AllFoundInOrder()
    {
        var markdown = string.Concat(Enumerable.Range(0, 100_000).Select(i => $"[l{i}](f{i}.md) "));
        var links = Analyze(markdown).Links;
        Assert.Equal(100_000, links.Count);
        Assert.Equal("f99999.md", links[^1].Url);
        Assert.True(links.Zip(links.Skip(1)).All(p => p.First.Location.Column < p.Second.Location.Column));
    }

    [Fact]
    public void DeepNesting_IsAnErrorNotACrash()
    {
        var analysis = Analyze(string.Concat(Enumerable.Repeat("- ", 10_000)) + "[a](b.md)\n");
        Assert.Contains("nested too deeply", analysis.Error);
        Assert.Empty(analysis.Links);

        var quotes = Analyze(new string('>', 10_000) + " [a](b.md)\n");
        Assert.Contains("nested too deeply", quotes.Error);
    }

    [Fact]
    public void Analyze_SiteIdsAsOnGitHub_ShareOneAnchorIndex()
    {
        var analysis = new MarkdownLinkExtractor().Analyze(new SourceDocument("docs/page.md", "/repo/docs/page.md"), "# Setup\n\n## Usage\n", LinkCheck.Core.Sites.GitHub.GitHubSite.Instance);

        Assert.Same(analysis.Anchors, analysis.SiteAnchors!.Anchors);
        Assert.Equal(["setup", "usage"], analysis.SiteAnchors.Anchors.Anchors);
        Assert.Equal(2, analysis.SiteAnchors.Headings.Count);
    }

    [Fact]
    public void Analyze_SiteIdsUnlikeGitHub_KeepTheirOwnIndex()
    {
        // kramdown (Jekyll) reads "--" as an en dash, then drops it; GitHub keeps both hyphens.
        var site = new LinkCheck.Core.Sites.Jekyll.JekyllGenerator().Build(new LinkCheck.Core.Sites.SiteSource(new SiteInfo(string.Empty, "jekyll", null, SiteOrigin.Detected), "/repo", [], DateTimeOffset.UnixEpoch));
        var analysis = new MarkdownLinkExtractor().Analyze(new SourceDocument("page.md", "/repo/page.md"), "# Setup -- guide\n", site);

        Assert.NotSame(analysis.Anchors, analysis.SiteAnchors!.Anchors);
        Assert.Equal(["setup----guide"], analysis.Anchors.Anchors);
        Assert.Equal(["setup--guide"], analysis.SiteAnchors.Anchors.Anchors);
    }
}
