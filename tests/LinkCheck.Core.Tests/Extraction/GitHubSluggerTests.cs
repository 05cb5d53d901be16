using LinkCheck.Core.Extraction;

namespace LinkCheck.Core.Tests.Extraction;

/// <summary>Heading ids as github-slugger 2.0.0 (and so GitHub) computes them.</summary>
public class GitHubSluggerTests
{
    [Theory]
    [InlineData("Installation", "installation")]
    [InlineData("bravoCharlieDelta", "bravocharliedelta")]
    [InlineData("heading with a - dash", "heading-with-a---dash")]
    [InlineData("heading with an _ underscore", "heading-with-an-_-underscore")]
    [InlineData("heading with a period.txt", "heading-with-a-periodtxt")]
    [InlineData("exchange.bind_headers(exchange, routing [, bindCallback])", "exchangebind_headersexchange-routing--bindcallback")]
    [InlineData("apostrophe’s should be trimmed", "apostrophes-should-be-trimmed")]
    [InlineData("Parentheses (and more) [brackets] {braces}", "parentheses-and-more-brackets-braces")]
    [InlineData("Use `npm install`", "use-npm-install")]
    [InlineData("Two  spaces   three", "two--spaces---three")]
    [InlineData("I ♥ unicode", "i--unicode")]
    [InlineData("en–dash and em—dash", "endash-and-emdash")]
    [InlineData("C# & C++ / .NET", "c--c--net")]
    [InlineData("100% done?", "100-done")]
    [InlineData("__proto__", "__proto__")]
    public void Slug_AsciiPunctuationAndSpaces_FollowsGitHub(string heading, string expected) =>
        Assert.Equal(expected, GitHubSlugger.Slug(heading));

    [Theory]
    [InlineData("😄 unicode emoji", "-unicode-emoji")]
    [InlineData("😄-😄 unicode emoji", "--unicode-emoji")]
    [InlineData("😄_😄 unicode emoji", "_-unicode-emoji")]
    [InlineData("🚀 Launch 🎉", "-launch-")]
    [InlineData(":smile: - a gemoji", "smile---a-gemoji")]
    [InlineData(":ok_hand::hatched_chick: Two in a row", "ok_handhatched_chick-two-in-a-row")]
    [InlineData("Skin tone 👍🏽 kept out", "skin-tone--kept-out")]
    public void Slug_Emoji_AreRemovedButShortcodesKeepTheirLetters(string heading, string expected) =>
        Assert.Equal(expected, GitHubSlugger.Slug(heading));

    [Fact]
    public void Slug_EmojiWithVariationSelector_KeepsTheSelector()
    {
        // U+FE0F VARIATION SELECTOR-16 is a nonspacing mark (Mn): github-slugger keeps it, and so GitHub's
        // anchor for "⚠️ Warning" really starts with U+FE0F.
        Assert.Equal("\uFE0F-warning", GitHubSlugger.Slug("\u26A0\uFE0F Warning"));
        Assert.Equal("\uFE0F-love", GitHubSlugger.Slug("\u2764\uFE0F Love"));
    }

    [Theory]
    [InlineData("Über uns", "über-uns")]
    [InlineData("Größe ändern", "größe-ändern")]
    [InlineData("Привет non-latin 你好", "привет-non-latin-你好")]
    [InlineData("日本語の見出し", "日本語の見出し")]
    [InlineData("한국어 제목", "한국어-제목")]
    [InlineData("مرحبا بالعالم", "مرحبا-بالعالم")]
    [InlineData("हिन्दी", "हिन्दी")]
    [InlineData("Café", "café")]
    [InlineData("Cafe\u0301", "cafe\u0301")]
    [InlineData("Chapter Ⅻ", "chapter-ⅻ")]
    [InlineData("Ⓐ circled", "ⓐ-circled")]
    [InlineData("x² + ½", "x--")]
    [InlineData("Full\u3000width space", "fullwidth-space")]
    [InlineData("Non\u00A0breaking", "nonbreaking")]
    public void Slug_OtherScripts_KeepLettersMarksAndNumbers(string heading, string expected) =>
        Assert.Equal(expected, GitHubSlugger.Slug(heading));

    [Fact]
    public void Slug_TurkishDottedCapitalI_LowercasesLikeJavaScript() =>
        Assert.Equal("i\u0307stanbul", GitHubSlugger.Slug("İstanbul"));

    [Theory]
    [InlineData("ΣΊΣΥΦΟΣ", "σίσυφος")]
    [InlineData("ΟΔΟΣ ΣΟΦΙΑ", "οδος-σοφια")]
    [InlineData("Σ", "σ")]
    [InlineData("ΑΣ.", "ας")]
    public void Slug_GreekCapitalSigma_BecomesFinalSigmaAtWordEnd(string heading, string expected) =>
        Assert.Equal(expected, GitHubSlugger.Slug(heading));

    [Fact]
    public void Next_RepeatedHeadings_AreNumberedLikeBananaSlug()
    {
        var slugger = new GitHubSlugger();
        string[] headings = ["echo", "echo", "echo 1", "echo-1", "echo", "foxtrot-1", "foxtrot", "foxtrot", "-a-", "-a-"];
        var slugs = headings.Select(slugger.Next).ToList();
        Assert.Equal(["echo", "echo-1", "echo-1-1", "echo-1-2", "echo-2", "foxtrot-1", "foxtrot", "foxtrot-2", "-a-", "-a--1"], slugs);
    }

    [Fact]
    public void Next_EmptyHeadings_GetEmptyThenNumberedIds()
    {
        var slugger = new GitHubSlugger();
        Assert.Equal(["", "-1", "-2"], new[] { "", "🎉", "" }.Select(slugger.Next).ToArray());
    }
}
