using LinkCheck.Core.Sites.MdBook;

namespace LinkCheck.Core.Tests.Sites.MdBook;

/// <summary>
/// mdBook's heading ids: the cases of mdBook v0.5.4's own <c>utils.rs</c> tests, and more whose expected ids come
/// from running mdBook's <c>id_from_content</c> compiled with rustc 1.x (Unicode rules are the standard library's).
/// </summary>
public class MdBookSluggerTests
{
    [Theory]
    [InlineData("--passes: add more rustdoc passes", "--passes-add-more-rustdoc-passes")]
    [InlineData("Method-call 🐙 expressions \U0001f47c", "method-call--expressions-")]
    [InlineData("_-_12345", "_-_12345")]
    [InlineData("12345", "12345")]
    [InlineData("中文", "中文")]
    [InlineData("にほんご", "にほんご")]
    [InlineData("한국어", "한국어")]
    [InlineData("", "")]
    [InlineData("中文標題 CJK title", "中文標題-cjk-title")]
    [InlineData("Über", "über")]
    public void Slug_MdBookTestCases_MatchMdBook(string text, string expected) =>
        Assert.Equal(expected, MdBookSlugger.Slug(text));

    [Theory]
    [InlineData("Setup: guide", "setup-guide")]
    [InlineData("Two  spaces", "two--spaces")]
    [InlineData("हिन्दी", "हिनदी")]
    [InlineData("İstanbul", "istanbul")]
    [InlineData("ΣΊΣΥΦΟΣ", "σίσυφος")]
    [InlineData("Ⅻ and ½", "ⅻ-and-½")]
    [InlineData("Ⓐ circled", "ⓐ-circled")]
    [InlineData("  Trimmed first  ", "trimmed-first")]
    public void Slug_UnicodeRules_FollowRust(string text, string expected) =>
        Assert.Equal(expected, MdBookSlugger.Slug(text));

    [Fact]
    public void Next_Duplicates_GetHyphenNumbers()
    {
        // it_generates_unique_ids
        var slugger = new MdBookSlugger();

        Assert.Equal("", slugger.Next(""));
        Assert.Equal("über", slugger.Next("Über"));
        Assert.Equal("über-1", slugger.Next("Über"));
        Assert.Equal("über-2", slugger.Next("Über"));
    }
}
