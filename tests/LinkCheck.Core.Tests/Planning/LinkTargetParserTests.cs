using LinkCheck.Core.Model;
using LinkCheck.Core.Planning;

namespace LinkCheck.Core.Tests.Planning;

public class LinkTargetParserTests
{
    [Theory]
    [InlineData("setup.md", "docs/setup.md")]
    [InlineData("./setup.md", "docs/setup.md")]
    [InlineData("../README.md", "README.md")]
    [InlineData("/src/app.cs", "src/app.cs")]
    [InlineData("sub//deep/./x.md", "docs/sub/deep/x.md")]
    [InlineData("my%20file.md", "docs/my file.md")]
    [InlineData("caf%C3%A9.md", "docs/café.md")]
    [InlineData("images/", "docs/images")]
    [InlineData("..", "")]
    public void Parse_RelativePaths_ResolveAgainstTheLinkingFile(string url, string path)
    {
        var target = LinkTargetParser.Parse(url, "docs/guide.md");
        Assert.Equal(TargetKind.Local, target.Kind);
        Assert.Equal(path, target.Path);
        Assert.False(target.EscapesRoot);
        Assert.Null(target.Fragment);
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("/../secret.md")]
    public void Parse_ClimbingAboveTheRoot_IsMarked(string url) =>
        Assert.True(LinkTargetParser.Parse(url, "docs/guide.md").EscapesRoot);

    [Fact]
    public void Parse_FragmentAndQuery_AreSeparatedAndDecoded()
    {
        var target = LinkTargetParser.Parse("other.md?plain=1#L10%2D", "docs/guide.md");
        Assert.Equal("docs/other.md", target.Path);
        Assert.Equal("L10-", target.Fragment);
        Assert.Equal("plain=1", target.Query);
        Assert.Equal("docs/other.md?plain=1#L10-", target.Key);
    }

    [Fact]
    public void Parse_SameDocumentFragment_PointsAtTheLinkingFile()
    {
        var target = LinkTargetParser.Parse("#%EF%B8%8F-warning", "docs/guide.md");
        Assert.Equal("docs/guide.md", target.Path);
        Assert.Equal("\uFE0F-warning", target.Fragment);
    }

    [Fact]
    public void Parse_EquivalentSpellings_ShareAKey()
    {
        var a = LinkTargetParser.Parse("../docs/setup.md#x", "docs/guide.md");
        var b = LinkTargetParser.Parse("docs/setup.md#x", "README.md");
        var c = LinkTargetParser.Parse("/docs/./setup.md?ref=1#x", "a/b/c.md");
        Assert.Equal(a.Key, b.Key);
        Assert.Equal(a.Key, c.Key);
    }

    [Theory]
    [InlineData("https://example.com/a#frag", TargetKind.Http, "https://example.com/a")]
    [InlineData("HTTP://Example.COM", TargetKind.Http, "http://example.com/")]
    [InlineData("//cdn.example.com/x.js", TargetKind.Http, "https://cdn.example.com/x.js")]
    [InlineData("mailto:a@example.com", TargetKind.Mail, "mailto:a@example.com")]
    [InlineData("tel:+123", TargetKind.OtherScheme, "tel:+123")]
    [InlineData("data:image/png;base64,AAAA", TargetKind.OtherScheme, "data:image/png;base64,AAAA")]
    [InlineData("ftp://files.example.com", TargetKind.OtherScheme, "ftp://files.example.com")]
    [InlineData("https://", TargetKind.Invalid, "https://")]
    [InlineData("", TargetKind.Empty, "#docs/guide.md#empty")]
    public void Parse_Schemes(string url, TargetKind kind, string key)
    {
        var target = LinkTargetParser.Parse(url, "docs/guide.md");
        Assert.Equal(kind, target.Kind);
        Assert.Equal(key, target.Key);
    }
}
