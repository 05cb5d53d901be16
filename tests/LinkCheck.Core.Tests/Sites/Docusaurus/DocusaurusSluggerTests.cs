using LinkCheck.Core.Sites.Docusaurus;

namespace LinkCheck.Core.Tests.Sites.Docusaurus;

/// <summary>Docusaurus's heading ids: {#custom-id}, then github-slugger.</summary>
public class DocusaurusSluggerTests
{
    [Fact]
    public void Next_CustomId_WinsAndDoesNotCountForNumbering()
    {
        var slugger = new DocusaurusSlugger();

        Assert.Equal(
            ["custom-id", "hello-world", "duplicate", "duplicate-1", "café--ünïcödé--2024"],
            new[] { "Hello World {#custom-id}", "Hello World", "Duplicate", "Duplicate", "Café & Ünïcödé — 2024" }.Select(slugger.Next));
    }

    [Theory]
    [InlineData("Title {#my-id}", "Title")]
    [InlineData("Title {#a} more", "Title {#a} more")]
    [InlineData("Plain", "Plain")]
    public void StripCustomId_Heading_LeavesTheShownText(string heading, string expected) =>
        Assert.Equal(expected, DocusaurusSlugger.StripCustomId(heading));
}
