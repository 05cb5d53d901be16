using LinkCheck.Core.Sites.Docusaurus;

namespace LinkCheck.Core.Tests.Sites.Docusaurus;

/// <summary>Docusaurus 3's URL rules for docs, blog posts and pages.</summary>
public class DocusaurusRoutesTests
{
    [Theory]
    [InlineData("intro.md", null, null, "/intro")]
    [InlineData("getting-started/install.md", null, null, "/getting-started/install")]
    [InlineData("getting-started/install.md", null, "/setup", "/setup")]
    [InlineData("getting-started/relative-slug.md", null, "custom-name", "/getting-started/custom-name")]
    [InlineData("getting-started/x.md", null, "../up", "/up")]
    [InlineData("guides/x.md", "renamed", null, "/guides/renamed")]
    [InlineData("01-guides/02-first.md", null, null, "/guides/first")]
    [InlineData("2021-11-notes.md", null, null, "/2021-11-notes")]
    [InlineData("7.0-release.md", null, null, "/7.0-release")]
    [InlineData("guides/index.md", null, null, "/guides/")]
    [InlineData("guides/README.md", null, null, "/guides/")]
    [InlineData("guides/Guides.md", null, null, "/guides/")]
    [InlineData("index.md", null, null, "/")]
    [InlineData("guides/index.md", null, "start", "/guides/start")]
    public void DocSlug_DocFile_IsWhereDocusaurusPublishesIt(string source, string? id, string? slug, string expected) =>
        Assert.Equal(expected, DocusaurusRoutes.DocSlug(source, id, slug));

    [Fact]
    public void DocSlug_NumberPrefixParsingOff_KeepsPrefixes() =>
        Assert.Equal("/01-guides/02-first", DocusaurusRoutes.DocSlug("01-guides/02-first.md", null, null, parseNumberPrefixes: false));

    [Theory]
    [InlineData("2024-01-15-first-post.md", null, "/2024/01/15/first-post")]
    [InlineData("2024/01/15/first-post.mdx", null, "/2024/01/15/first-post")]
    [InlineData("2024-01-15-first-post/index.md", null, "/2024/01/15/first-post")]
    [InlineData("team/2024-01-15-news.md", null, "/2024/01/15/team/news")]
    [InlineData("welcome.md", null, "/welcome")]
    [InlineData("welcome/index.md", null, "/welcome")]
    [InlineData("2024-02-01-slugged.md", "my-post", "/my-post")]
    [InlineData("2024-02-01-slugged.md", "/abs/post", "/abs/post")]
    public void BlogSlug_PostFile_IsDatedUnlessItHasASlug(string source, string? slug, string expected) =>
        Assert.Equal(expected, DocusaurusRoutes.BlogSlug(source, slug));

    [Theory]
    [InlineData("index.md", "/")]
    [InlineData("about.md", "/about")]
    [InlineData("team/index.tsx", "/team/")]
    [InlineData("team/members.mdx", "/team/members")]
    public void PageRoute_PageFile_IsItsPath(string source, string expected) =>
        Assert.Equal(expected, DocusaurusRoutes.PageRoute(source));

    [Theory]
    [InlineData("current", "1.0", "next")]
    [InlineData("1.0", "1.0", "")]
    [InlineData("0.9", "1.0", "0.9")]
    [InlineData("current", "current", "")]
    public void VersionPath_Version_FollowsTheLastVersion(string version, string last, string expected) =>
        Assert.Equal(expected, DocusaurusRoutes.VersionPath(version, last, new Dictionary<string, string>()));

    [Fact]
    public void LastVersion_VersionsJson_IsItsFirstEntryUnlessConfigured()
    {
        Assert.Equal("2.0", DocusaurusRoutes.LastVersion(null, ["2.0", "1.0"]));
        Assert.Equal("current", DocusaurusRoutes.LastVersion(null, []));
        Assert.Equal("current", DocusaurusRoutes.LastVersion("current", ["2.0"]));
    }

    [Theory]
    [InlineData(new[] { "guide", "" }, "/guide")]
    [InlineData(new[] { "", "/setup" }, "/setup")]
    [InlineData(new[] { "guide", "next", "/dir/" }, "/guide/next/dir/")]
    [InlineData(new[] { "", "/" }, "/")]
    public void Join_RouteParts_AreJoinedAsNormalizeUrlDoes(string[] parts, string expected) =>
        Assert.Equal(expected, DocusaurusRoutes.Join(parts));
}
