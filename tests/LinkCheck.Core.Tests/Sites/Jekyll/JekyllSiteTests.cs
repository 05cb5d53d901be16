using LinkCheck.Core.Model;
using LinkCheck.Core.Tests.Sites.Harness;

namespace LinkCheck.Core.Tests.Sites.Jekyll;

/// <summary>What linkcheck says about the Jekyll fixture's links: the messages tell what the site would do.</summary>
public class JekyllSiteTests
{
    private static readonly string Blog = Path.Combine(AppContext.BaseDirectory, "TestData", "Sites", "jekyll-blog");

    private static async Task<CheckReport> CheckBlogAsync(Func<LinkCheckOptions, LinkCheckOptions>? configure = null)
    {
        using var scratch = new TempDirectory();
        foreach (var file in Directory.EnumerateFiles(Blog, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(scratch.Root, Path.GetRelativePath(Blog, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        scratch.InitGit();
        return await SiteCheck.RunAsync(scratch.Root, configure);
    }

    private static LinkResult Link(CheckReport report, string key) =>
        Assert.Single(report.Results, r => RealSiteHarness.KeyOf(r.Text) == key);

    [Fact]
    public async Task Check_BlogFixture_ReportsTheSiteInTheSummary()
    {
        var report = await CheckBlogAsync();

        var site = Assert.Single(report.Sites);
        Assert.Equal("jekyll", site.Info.Generator);
        Assert.Equal(string.Empty, site.Info.Root);
        Assert.Equal("/blog/", site.Info.BasePath);
        Assert.Equal(new Uri("https://example.github.io/blog/"), site.Info.BaseUrl);
        Assert.True(site.Pages > 10);
    }

    [Fact]
    public async Task Check_LinkToDraft_SaysTheDraftIsNotPublished()
    {
        var report = await CheckBlogAsync();

        var draft = Link(report, "J07");
        Assert.Equal(LinkStatus.Broken, draft.Status);
        Assert.Equal(FindingCode.NotPublished, draft.Code);
        Assert.Contains("_drafts/wip.md is not published (drafts (_drafts/) are not published)", draft.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_WrongDate_SuggestsThePublishedPost()
    {
        var report = await CheckBlogAsync();

        var wrong = Link(report, "J20");
        Assert.Equal(LinkStatus.Broken, wrong.Status);
        Assert.Equal("no page is published at /blog/2023/05/06/hello.html (did you mean /blog/2023/05/05/hello.html, from _posts/2023-05-05-hello.md?)", wrong.Message);
        Assert.Equal("/blog/2023/05/05/hello.html", wrong.Suggestion);
        Assert.True(wrong.Fixable);
    }

    [Fact]
    public async Task Check_GitHubSpelledAnchor_SaysHowTheSiteSpellsTheHeading()
    {
        var report = await CheckBlogAsync();

        var anchor = Link(report, "J04");
        Assert.Equal(LinkStatus.Broken, anchor.Status);
        Assert.Contains("this site (jekyll) spells the heading 'Setup -- guide' as #setup--guide", anchor.Message, StringComparison.Ordinal);
        Assert.Equal("guide/setup.md#setup--guide", anchor.Suggestion);
        Assert.True(anchor.Fixable);
    }

    [Fact]
    public async Task Check_BaseUrlBeforePostUrl_IsBrokenBecauseTheBaseUrlIsDoubled()
    {
        var report = await CheckBlogAsync();

        var doubled = Link(report, "J06");
        Assert.Equal(LinkStatus.Broken, doubled.Status);
        Assert.Contains("/blog/blog/2023/05/05/hello.html", doubled.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_UnevaluatedLiquid_IsSkippedNamingTheTag()
    {
        var report = await CheckBlogAsync();

        var skipped = Link(report, "P06");
        Assert.Equal(LinkStatus.Skipped, skipped.Status);
        Assert.Contains("{% if true %}", skipped.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_PublishedUrlOfThePost_IsResolvedWithoutTheNetwork()
    {
        var report = await CheckBlogAsync();

        Assert.Equal(LinkStatus.Ok, Link(report, "J28").Status);
        Assert.Equal(LinkStatus.Broken, Link(report, "J29").Status);
    }

    [Fact]
    public async Task Check_SiteNone_JudgesTheFilesAsGitHubRendersThem()
    {
        var report = await CheckBlogAsync(o => o with { DetectSites = false });

        Assert.Empty(report.Sites);
        Assert.Equal(LinkStatus.Ok, Link(report, "J07").Status); // the draft exists as a file
        Assert.Equal(LinkStatus.Broken, Link(report, "J03").Status); // GitHub spells the heading setup----guide
    }

    [Fact]
    public async Task Check_OverrideWithBaseUrl_TakesTheGivenAddress()
    {
        var report = await CheckBlogAsync(o => o with { Sites = [new("", "jekyll", new Uri("https://docs.example.org/blog/"))] });

        var site = Assert.Single(report.Sites);
        Assert.Equal(LinkCheck.Core.Model.SiteOrigin.Configured, site.Info.Origin);
        Assert.Equal(new Uri("https://docs.example.org/blog/"), site.Info.BaseUrl);
    }
}
