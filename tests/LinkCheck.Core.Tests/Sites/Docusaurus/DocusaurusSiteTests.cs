using LinkCheck.Core.Model;

namespace LinkCheck.Core.Tests.Sites.Docusaurus;

/// <summary>What linkcheck says about the Docusaurus fixture's links (the real build is compared in <see cref="DocusaurusRealBuildTests"/>).</summary>
public class DocusaurusSiteTests
{
    [Theory]
    [InlineData("U04", LinkStatus.Broken, "docs/getting-started/install.md differs only in case")]
    [InlineData("U07", LinkStatus.Broken, "docs/draft.md is not published (drafts (draft: true) are not published by a production build)")]
    [InlineData("U08", LinkStatus.Broken, "no file docs/missing.md: Docusaurus leaves the link as written")]
    [InlineData("U09", LinkStatus.Broken, "blog/2024-01-15-first-post.md belongs to another plugin (blog at blog/)")]
    [InlineData("U12", LinkStatus.Broken, "no page is published at /widgets/guide/nothing")]
    [InlineData("U15", LinkStatus.Broken, "no page is published at /widgets/blog/2024/01/16/first-post (did you mean /widgets/blog/2024/01/15/first-post")]
    [InlineData("U17", LinkStatus.Broken, "no page is published at /widgets/guide/1.0/intro")]
    [InlineData("U23", LinkStatus.Broken, "no heading or anchor #hello-world")]
    public async Task Check_Fixture_SaysWhatTheSiteDoes(string key, LinkStatus status, string message)
    {
        using var fixture = new SiteFixture("docusaurus");

        var report = await fixture.CheckAsync();

        var result = SiteFixture.Keyed(report, key);
        Assert.Equal(status, result.Status);
        Assert.Contains(message, result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_MarkdownLinkIntoAnotherPlugin_SuggestsThePostsUrl()
    {
        using var fixture = new SiteFixture("docusaurus");

        var report = await fixture.CheckAsync();

        var result = SiteFixture.Keyed(report, "U09");
        Assert.Equal("/widgets/blog/2024/01/15/first-post", result.Suggestion);
    }

    [Fact]
    public async Task Check_PublishedUrl_IsResolvedAgainstTheModel()
    {
        using var fixture = new SiteFixture("docusaurus");
        File.WriteAllText(
            Path.Combine(fixture.Root, "README.md"),
            "[P01 published](https://example.github.io/widgets/guide/next/setup#step-one) [P02 gone](https://example.github.io/widgets/guide/next/gone)\n");

        var report = await fixture.CheckAsync();

        Assert.Equal(LinkStatus.Ok, SiteFixture.Keyed(report, "P01").Status);
        Assert.Equal(LinkStatus.Broken, SiteFixture.Keyed(report, "P02").Status);
    }

    [Fact]
    public async Task Check_ComputedConfiguration_IsNotedAndItsLinksSkipped()
    {
        using var fixture = new SiteFixture("docusaurus");
        var config = Path.Combine(fixture.Root, "docusaurus.config.js");
        File.WriteAllText(config, File.ReadAllText(config).Replace("routeBasePath: 'guide'", "routeBasePath: process.env.DOCS_ROUTE", StringComparison.Ordinal));

        var report = await fixture.CheckAsync();

        Assert.Contains(report.Notes, n => n.StartsWith("docusaurus site at the repository root: docs option routeBasePath is computed (process.env.DOCS_ROUTE)", StringComparison.Ordinal));
        var result = SiteFixture.Keyed(report, "U01");
        Assert.Equal(LinkStatus.Skipped, result.Status);
        Assert.Contains("not known without running Docusaurus", result.Message, StringComparison.Ordinal);
    }
}
