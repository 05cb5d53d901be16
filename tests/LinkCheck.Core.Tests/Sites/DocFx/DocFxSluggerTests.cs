using LinkCheck.Core.Sites.DocFx;

namespace LinkCheck.Core.Tests.Sites.DocFx;

/// <summary>DocFX's heading ids: Markdig's GitHub-mode auto identifiers and DocFX's HeadingIdRewriter.</summary>
public class DocFxSluggerTests
{
    [Theory]
    // dotnet/docfx test/Docfx.MarkdigEngine.Extensions.Tests/MarkdigBuiltinExtensionTests/AutoIdentifierTest.cs
    [InlineData("This - is a &@! heading _ with . and ! -", "this---is-a--heading-_-with--and---")]
    // Confirmed with DocFX 2.81 on tests/Sites/docfx: letters of every script stay, the em dash goes.
    [InlineData("Café & Ünïcödé — 2024", "café--ünïcödé--2024")]
    [InlineData("Install it", "install-it")]
    [InlineData("Use `npm install`", "use-npm-install")]
    public void Next_HeadingText_IsMarkdigsGitHubId(string heading, string expected) =>
        Assert.Equal(expected, new DocFxSlugger().Next(heading));

    [Fact]
    public void Next_RepeatedHeading_GetsTheFirstFreeNumber()
    {
        var slugger = new DocFxSlugger();

        Assert.Equal(["links", "links-1", "links-1-1", "links-2"], new[] { "Links", "Links", "Links-1", "Links" }.Select(slugger.Next));
    }

    [Fact]
    public void Next_EmptyHeading_IsSection()
    {
        var slugger = new DocFxSlugger();

        Assert.Equal(["section", "section-1"], new[] { string.Empty, "!!" }.Select(slugger.Next));
    }

    [Fact]
    public void Next_ExplicitAnchor_ReplacesTheIdButKeepsTheAutomaticOneTaken()
    {
        var slugger = new DocFxSlugger();

        Assert.Equal("custom-anchor", slugger.NextWithAnchor("Links", "custom-anchor"));
        Assert.Equal("links-1", slugger.Next("Links"));
    }

    [Theory]
    [InlineData("<a name=\"custom-anchor\">", "</a>", 3, "custom-anchor")]
    [InlineData("<a id=\"x.y-z\" >", "</a>", 3, "x.y-z")]
    [InlineData("<a name=\"custom-anchor\">", "</a>", 2, null)]
    [InlineData("<a href=\"x\">", "</a>", 3, null)]
    [InlineData("<a name=\"x\">", "</b>", 3, null)]
    public void ExplicitAnchor_LeadingEmptyAnchor_IsRecognisedAsDocFxDoes(string open, string close, int inlines, string? expected) =>
        Assert.Equal(expected, DocFxSlugger.ExplicitAnchor(open, close, inlines));
}
