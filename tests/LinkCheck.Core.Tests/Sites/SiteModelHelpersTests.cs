using System.Text;
using LinkCheck.Core.Model;
using LinkCheck.Core.Resolution;
using LinkCheck.Core.Sites;

namespace LinkCheck.Core.Tests.Sites;

/// <summary>The small pieces every site model leans on for each link: URL merging, front matter, suggestions.</summary>
public sealed class SiteModelHelpersTests
{
    // RFC 3986 §5.4.1 (normal examples) and §5.4.2 (abnormal ones), with the base's path /b/c/d;p.
    [Theory]
    [InlineData("g", "/b/c/g")]
    [InlineData("./g", "/b/c/g")]
    [InlineData("g/", "/b/c/g/")]
    [InlineData("/g", "/g")]
    [InlineData(".", "/b/c/")]
    [InlineData("./", "/b/c/")]
    [InlineData("..", "/b/")]
    [InlineData("../", "/b/")]
    [InlineData("../g", "/b/g")]
    [InlineData("../..", "/")]
    [InlineData("../../", "/")]
    [InlineData("../../g", "/g")]
    [InlineData("../../../g", "/g")]
    [InlineData("../../../../g", "/g")]
    [InlineData("/./g", "/g")]
    [InlineData("/../g", "/g")]
    [InlineData("g.", "/b/c/g.")]
    [InlineData(".g", "/b/c/.g")]
    [InlineData("g..", "/b/c/g..")]
    [InlineData("..g", "/b/c/..g")]
    [InlineData("./../g", "/b/g")]
    [InlineData("./g/.", "/b/c/g/")]
    [InlineData("g/./h", "/b/c/g/h")]
    [InlineData("g/../h", "/b/c/h")]
    [InlineData("a//b", "/b/c/a//b")]
    public void ResolveAgainst_FollowsRfc3986(string reference, string expected) =>
        Assert.Equal(expected, SiteModel.ResolveAgainst("/b/c/d;p", reference));

    [Theory]
    [InlineData("", "a/b.md", "a/b.md")]
    [InlineData("docs", "a/b.md", "docs/a/b.md")]
    [InlineData("docs/x", "../a.md", "docs/a.md")]
    [InlineData("docs/x", "./a//b/./c.md", "docs/x/a/b/c.md")]
    [InlineData("docs", "../../a.md", null)]
    [InlineData("", "..", null)]
    [InlineData("docs", "..", "")]
    [InlineData("a/./b", "../c", "a/c")]
    [InlineData("", "", "")]
    [InlineData("", "a/", "a")]
    public void SitePathsJoin_DropsDotSegmentsAndRefusesToClimbOut(string folder, string path, string? expected) =>
        Assert.Equal(expected, SitePaths.Join(folder, path));

    [Fact]
    public void FrontMatterRead_WithKeys_ParsesOnlyWhenAKeyIsNamed()
    {
        const string Named = "---\ntitle: A\nuid: a.b\n---\n# A\n";
        const string Quoted = "---\n\"uid\" : a.b\n---\n";
        const string Flow = "---\n{title: A, uid: a.b}\n---\n";
        const string Other = "---\ntitle: A\nms.uid: not-it\n---\n";
        string[] keys = ["uid", "redirect_url"];

        Assert.Equal("a.b", FrontMatterFields.Read(Named, keys)["uid"]);
        Assert.Equal("a.b", FrontMatterFields.Read(Quoted, keys)["uid"]);
        Assert.Equal("a.b", FrontMatterFields.Read(Flow, keys)["uid"]);
        Assert.Empty(FrontMatterFields.Read(Other, keys));
        Assert.Equal("A", FrontMatterFields.Read(Other)["title"]);
    }

    [Theory]
    [InlineData("instal", "install")]
    [InlineData("INSTALL", "install")]
    [InlineData("setup-guide", "setup-guide")]
    [InlineData("zzzzzzzz", null)]
    public void ClosestFind_IgnoresCaseAndRejectsFarCandidates(string value, string? expected) =>
        Assert.Equal(expected, Closest.Find(value, ["usage", "install", "setup-guide", "Install"]));

    [Fact]
    public void ClosestFind_PrefersTheSmallestDistanceThenTheEarliest()
    {
        Assert.Equal("page-12", Closest.Find("page-13", ["page-21", "page-12", "page-14"]));
        Assert.Equal("abcd", Closest.Find("abce", ["abcd", "abcf"]));
        Assert.Equal("longer-name", Closest.Find("longer-nam", ["ln", "longer-name"]));
    }

    [Fact]
    public void ReadHeadAndTextIfContains_DecodesWholeOnlyFilesWithTheMarker()
    {
        using var repo = new TempDirectory();
        repo.Write("with.md", "# A\n[!INCLUDE [x](x.md)] café\n");
        repo.Write("without.md", "# B\n");
        File.WriteAllText(repo.PathOf("utf16.md"), "[!INCLUDE [x](x.md)]", Encoding.Unicode);
        var source = new SiteSource(new SiteInfo(string.Empty, "docfx", "docfx.json", SiteOrigin.Detected), repo.Root, ["utf16.md", "with.md", "without.md"], DateTimeOffset.UnixEpoch);

        Assert.Equal(("# A\n[!INCLUDE [x](x.md)] café\n", "# A\n[!INCLUDE [x](x.md)] café\n"), source.ReadHeadAndTextIfContains("with.md", "[!"));
        Assert.Equal(("# B\n", null), source.ReadHeadAndTextIfContains("without.md", "[!"));
        Assert.Equal("[!INCLUDE [x](x.md)]", source.ReadHeadAndTextIfContains("utf16.md", "[!").Text);
        Assert.Equal((null, null), source.ReadHeadAndTextIfContains("missing.md", "[!"));
    }
}
