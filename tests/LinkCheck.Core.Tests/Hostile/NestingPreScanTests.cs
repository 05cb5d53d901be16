using LinkCheck.Core.Extraction;
using LinkCheck.Core.Model;

namespace LinkCheck.Core.Tests.Hostile;

/// <summary>
/// Issue 9, point 5: nesting deeper than Markdig accepts is refused by a linear pre-scan, before Markdig's
/// quadratic work (2,000 nested list levels: 81 s before, under 1 s after, see docs/benchmarks.md).
/// </summary>
public sealed class NestingPreScanTests
{
    private static string IndentedLists(int levels) => string.Concat(Enumerable.Range(0, levels).Select(i => new string(' ', 2 * i) + "- item\n"));

    [Theory]
    [InlineData(2000)]
    [InlineData(MarkdownLinkExtractor.MaximumNestingDepth + 1)]
    public void PreScan_IndentedListsDeeperThanMarkdigAccepts_AreRefused(int levels) =>
        Assert.True(MarkdownLinkExtractor.ListNestingExceeds(IndentedLists(levels), MarkdownLinkExtractor.MaximumNestingDepth));

    [Fact]
    public void PreScan_BlockQuotesAndListsOnOneLine_CountTogether() =>
        Assert.True(MarkdownLinkExtractor.ListNestingExceeds(string.Concat(Enumerable.Repeat("> - ", 100)) + "text\n", MarkdownLinkExtractor.MaximumNestingDepth));

    [Theory]
    [InlineData(40)]
    [InlineData(10)]
    public void PreScan_NestingMarkdigAccepts_IsLetThrough(int levels)
    {
        var text = IndentedLists(levels) + "\n[x](target.md)\n";

        Assert.False(MarkdownLinkExtractor.ListNestingExceeds(text, MarkdownLinkExtractor.MaximumNestingDepth));
        var analysis = new MarkdownLinkExtractor().Analyze(new SourceDocument("a.md", "/a.md"), text);
        Assert.Null(analysis.Error);
    }

    [Fact]
    public void PreScan_DeeplyIndentedCodeAndFencedListMarkers_AreNotNesting()
    {
        var code = string.Concat(Enumerable.Range(0, 400).Select(i => new string(' ', 4 + i) + "- not a list\n"));
        var fenced = "```\n" + string.Concat(Enumerable.Repeat("- - - - - - - - - -\n", 50)) + "```\n";
        var lines = string.Concat(Enumerable.Repeat("- one\n- two\n  - three\n", 500));

        Assert.False(MarkdownLinkExtractor.ListNestingExceeds("para\n\n" + code, MarkdownLinkExtractor.MaximumNestingDepth));
        Assert.False(MarkdownLinkExtractor.ListNestingExceeds(fenced, MarkdownLinkExtractor.MaximumNestingDepth));
        Assert.False(MarkdownLinkExtractor.ListNestingExceeds(lines, MarkdownLinkExtractor.MaximumNestingDepth));
    }
}
