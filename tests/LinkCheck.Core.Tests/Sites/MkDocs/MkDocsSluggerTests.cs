using LinkCheck.Core.Sites.MkDocs;

namespace LinkCheck.Core.Tests.Sites.MkDocs;

/// <summary>
/// Python-Markdown's <c>toc</c> ids: cases from its <c>tests/test_syntax/extensions/test_toc.py</c>, and what
/// MkDocs 1.4.2 (Python-Markdown 3.4.1) built for tests/Sites/mkdocs.
/// </summary>
public class MkDocsSluggerTests
{
    [Theory]
    [InlineData("Header 1", "header-1")]
    [InlineData("Foo & bar", "foo-bar")]
    [InlineData("Foo > & bar", "foo-bar")]
    [InlineData("Foo Bar Baz.", "foo-bar-baz")]
    [InlineData("Some Header with markup.", "some-header-with-markup")]
    [InlineData("[TOC]", "toc")]
    [InlineData("Setup: guide", "setup-guide")]
    [InlineData("Café à la carte", "cafe-a-la-carte")]
    [InlineData("Ünïcödé 中文 heading", "unicode-heading")]
    [InlineData("code and emphasis and a link", "code-and-emphasis-and-a-link")]
    [InlineData("  Spaces  --  and -- dashes  ", "spaces-and-dashes")]
    [InlineData("Ends in_1", "ends-in_1")]
    [InlineData("ﬁle ½", "file-12")]
    public void Slug_Headings_MatchPythonMarkdown(string text, string expected) =>
        Assert.Equal(expected, MkDocsSlugger.Slug(text));

    [Fact]
    public void Slug_Unicode_KeepsLettersButDropsCombiningMarks()
    {
        Assert.Equal("ünïcödé-中文-heading", MkDocsSlugger.Slug("Ünïcödé 中文 heading", unicode: true));
        Assert.Equal("हनद", MkDocsSlugger.Slug("हिन्दी", unicode: true));
        Assert.Equal("ﬁle-½", MkDocsSlugger.Slug("ﬁle ½", unicode: true));
        Assert.Equal("i\u0307stanbul-σίσυφος", MkDocsSlugger.Slug("İstanbul ΣΊΣΥΦΟΣ", unicode: true));
    }

    [Fact]
    public void Slug_OtherSeparator_IsUsedForRuns() =>
        Assert.Equal("a_b_-_c", MkDocsSlugger.Slug("A b - c", "_"));

    [Fact]
    public void Unique_TakenId_GetsUnderscoreOne()
    {
        // testTOCUniqueFunc
        var ids = new HashSet<string> { "foo" };

        Assert.Equal("foo_1", MkDocsSlugger.Unique("foo", ids));
        Assert.Equal(new HashSet<string> { "foo", "foo_1" }, ids);
    }

    [Fact]
    public void Next_Duplicates_CountUpFromAnExistingSuffix()
    {
        var slugger = new MkDocsSlugger();

        Assert.Equal("setup-guide", slugger.Next("Setup: guide"));
        Assert.Equal("setup-guide_1", slugger.Next("Setup: guide"));
        Assert.Equal("ends-in_1", slugger.Next("Ends in_1"));
        Assert.Equal("ends-in", slugger.Next("Ends in"));
        Assert.Equal("ends-in_2", slugger.Next("Ends in"));
    }

    [Fact]
    public void Next_EmptyHeading_GetsUnderscoreOne()
    {
        var slugger = new MkDocsSlugger();

        Assert.Equal("_1", slugger.Next("中文"));
        Assert.Equal("_2", slugger.Next("!!"));
    }

    [Fact]
    public void Unique_LeadingZeros_AreDroppedWhenCounting()
    {
        var ids = new HashSet<string> { "x_01" };

        Assert.Equal("x_2", MkDocsSlugger.Unique("x_01", ids));
    }
}
