using LinkCheck.Core.Sites.Jekyll;

namespace LinkCheck.Core.Tests.Sites.Jekyll;

/// <summary>kramdown-parser-gfm's generate_gfm_header_id, as Jekyll and GitHub Pages write heading ids.</summary>
public class KramdownSluggerTests
{
    [Theory]
    [InlineData("Setup -- guide", "setup--guide")] // -- is an en dash in kramdown's typography, then removed
    [InlineData("Wait... what", "wait-what")]
    [InlineData("Don't panic", "dont-panic")]
    [InlineData("API & CLI", "api--cli")]
    [InlineData("Café au lait", "café-au-lait")]
    [InlineData("Title with an id {#custom-id}", "custom-id")]
    [InlineData("snake_case stays", "snake_case-stays")]
    [InlineData("100% sure", "100-sure")]
    public void Next_HeadingText_GivesKramdownsId(string heading, string id) =>
        Assert.Equal(id, new KramdownSlugger().Next(heading));

    [Fact]
    public void Next_RepeatedHeading_CountsPerTextUnlikeGitHub()
    {
        var slugger = new KramdownSlugger();

        Assert.Equal("a-1", slugger.Next("a-1"));
        Assert.Equal("a", slugger.Next("a"));
        Assert.Equal("a-1", slugger.Next("a")); // github-slugger would skip the taken a-1 and give a-2
    }

    [Theory]
    [InlineData("{: #v4-4-1}", "v4-4-1")]
    [InlineData("{: .note #setup}", "setup")]
    [InlineData("{: .note}", null)]
    [InlineData("Some text", null)]
    public void IdFromNextBlock_BlockIal_GivesItsId(string block, string? id) =>
        Assert.Equal(id, new KramdownSlugger().IdFromNextBlock(block));
}
