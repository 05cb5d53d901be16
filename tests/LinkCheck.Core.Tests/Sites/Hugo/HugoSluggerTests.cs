using LinkCheck.Core.Sites.Hugo;

namespace LinkCheck.Core.Tests.Sites.Hugo;

/// <summary>Hugo's heading ids: the cases of Hugo's own <c>autoid_test.go</c>, and what Hugo 0.111.3 built for tests/Sites/hugo.</summary>
public class HugoSluggerTests
{
    // markup/goldmark/autoid_test.go TestSanitizeAnchorName ("Tests generated manually on github.com").
    [Theory]
    [InlineData("God is good: 神真美好", "god-is-good-神真美好")]
    [InlineData("Number 32", "number-32")]
    [InlineData("Question?", "question")]
    [InlineData("1+2=3", "123")]
    [InlineData("Special !\"#$%&(parens)=?´* chars", "special-parens-chars")]
    [InlineData("Resumé", "resumé")]
    [InlineData("One-Hyphen", "one-hyphen")]
    [InlineData("Multiple--Hyphens", "multiple--hyphens")]
    [InlineData("Trailing hyphen-", "trailing-hyphen-")]
    [InlineData("Many   spaces  here", "many---spaces--here")]
    [InlineData("Forward/slash", "forwardslash")]
    [InlineData("Backward\\slash", "backwardslash")]
    [InlineData("Under_score", "under_score")]
    [InlineData("Nonbreaking\u00A0Space", "nonbreakingspace")]
    [InlineData("Tab\tSpace", "tabspace")]
    [InlineData("Trailing Space ", "trailing-space")]
    public void Slug_HugoTestCases_MatchHugo(string source, string expected) =>
        Assert.Equal(expected, HugoSlugger.Slug(source));

    [Fact]
    public void Slug_GitHubAscii_RemovesAccentsAndOtherScripts()
    {
        Assert.Equal("god-is-good", HugoSlugger.Slug("god is神真美好 good", HugoSlugger.GitHubAscii));
        Assert.Equal("resume", HugoSlugger.Slug("Resumé", HugoSlugger.GitHubAscii));
    }

    [Fact]
    public void Slug_Blackfriday_CollapsesEverythingElseIntoOneHyphen() =>
        Assert.Equal("let-s-try-this-shall-we", HugoSlugger.Slug("Let's try this, shall we?", HugoSlugger.Blackfriday));

    // Observed in tests/Sites/hugo built by Hugo 0.111.3: the raw source goes in, so link URLs count.
    [Theory]
    [InlineData("`code` and *emphasis* and [a link](https://example.com/x)", "code-and-emphasis-and-a-linkhttpsexamplecomx")]
    [InlineData("Café à la carte", "café-à-la-carte")]
    [InlineData("Ünïcödé 中文 heading", "ünïcödé-中文-heading")]
    [InlineData("Ends in -1", "ends-in--1")]
    public void Slug_RawSource_MatchesTheBuiltFixture(string source, string expected) =>
        Assert.Equal(expected, HugoSlugger.Slug(source));

    [Fact]
    public void Slug_CombiningMarks_AreDroppedBecauseTheyAreNotLetters() =>
        Assert.Equal("हनद", HugoSlugger.Slug("हिन्दी"));

    [Fact]
    public void Slug_DottedCapitalI_UsesTheSimpleLowerCaseMapping() =>
        Assert.Equal("istanbul", HugoSlugger.Slug("İstanbul"));

    [Fact]
    public void Next_Duplicates_TakeTheFirstFreeNumber()
    {
        var slugger = new HugoSlugger();

        Assert.Equal("setup-guide", slugger.Next("Setup: guide"));
        Assert.Equal("setup-guide-1", slugger.Next("Setup: guide"));
        Assert.Equal("ends-in--1", slugger.Next("Ends in -1"));
        Assert.Equal("ends-in", slugger.Next("Ends in"));
        Assert.Equal("ends-in-1", slugger.Next("Ends in"));
    }

    [Fact]
    public void Next_ExplicitIdTaken_NumbersTheAutomaticOne()
    {
        var slugger = new HugoSlugger();
        slugger.Put("intro");

        Assert.Equal("intro-1", slugger.Next("Intro"));
    }

    [Fact]
    public void Next_EmptyHeading_IsCalledHeading()
    {
        var slugger = new HugoSlugger();

        Assert.Equal("heading", slugger.Next("?!"));
        Assert.Equal("heading-1", slugger.Next(""));
    }
}
