using LinkCheck.Core.Model;
using LinkCheck.Core.Tests.Sites.Harness;
using Xunit.Abstractions;

namespace LinkCheck.Core.Tests.Sites.Hugo;

/// <summary>
/// The Hugo fixture built with the real Hugo (Debian's 0.111.3, <c>.ci/install-hugo.sh</c>): linkcheck's verdict on
/// every keyed link must be what the built site does with it, and every ref that stops Hugo's build is broken.
/// </summary>
public class HugoRealBuildTests(ITestOutputHelper output)
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "TestData", "Sites", "hugo");

    /// <summary>Hugo, building into the harness's output folder; the fixture's baseURL is https://example.org/docs/.</summary>
    public static GeneratorCommand Hugo { get; } = new GeneratorCommand(
        "hugo",
        "hugo",
        (source, output) => ["--source", source, "--destination", output, "--cacheDir", Path.Combine(output, "..", "hugo-cache")],
        ".ci/install-hugo.sh (Debian: hugo)").WithBasePath("/docs") with { PublishedHost = "https://example.org" };

    [Fact]
    public async Task Build_Fixture_EveryLinkVerdictMatchesTheBuiltSite()
    {
        using var scratch = new TempDirectory();
        var build = RealSiteHarness.Build(Hugo, Fixture, scratch.Root);
        Assert.True(build.Succeeded, "hugo failed:\n" + build.Log);

        var report = await SiteCheck.RunAsync(build.SourceRoot);
        var comparison = RealSiteHarness.Compare(report, RealSiteHarness.Crawl(Hugo, build.OutputRoot));

        output.WriteLine($"{comparison.Agreements.Count} links agree");
        foreach (var line in comparison.Agreements.Concat(comparison.NotJudged.Select(n => "not judged: " + n)))
        {
            output.WriteLine(line);
        }

        comparison.AssertAgree(minimumCompared: 45);
    }

    [Theory]
    [InlineData("uglyURLs = true")]
    [InlineData("[uglyURLs]\nposts = true")]
    public async Task Build_FixtureWithUglyUrls_EveryLinkVerdictMatchesTheBuiltSite(string setting)
    {
        // The same links, published at /posts/a.html and /posts.html instead of /posts/a/ and /posts/: links
        // written for pretty URLs break, others start to work, and every verdict must follow the build.
        using var scratch = new TempDirectory();
        var build = RealSiteHarness.Build(Hugo, Fixture, scratch.Root, prepare: source =>
        {
            var config = Path.Combine(source, "hugo.toml");
            var text = File.ReadAllText(config);
            File.WriteAllText(config, setting.StartsWith('[') ? text + "\n" + setting + "\n" : setting + "\n" + text);
        });
        Assert.True(build.Succeeded, "hugo failed:\n" + build.Log);
        var published = setting.StartsWith('[') ? "posts/first-post.html" : "guide.html";
        Assert.True(File.Exists(Path.Combine(build.OutputRoot, published)), published + " was not built");

        var report = await SiteCheck.RunAsync(build.SourceRoot);
        var comparison = RealSiteHarness.Compare(report, RealSiteHarness.Crawl(Hugo, build.OutputRoot));

        // Fewer than with pretty URLs: from /docs/posts/a.html, ../../about/ leaves the site (an external URL, not judged offline).
        comparison.AssertAgree(minimumCompared: 35);
    }

    [Theory]
    [InlineData("/blog/:slug/", "blog/first-post-über/index.html")]
    [InlineData("/:section/:filename/", "posts/first-post/index.html")]
    [InlineData("/:year/:month/:day/:title/", "2023/05/05/first-post-über/index.html")]
    [InlineData("/x/:slugorfilename", "x/custom-slug/index.html")]
    public async Task Build_FixtureWithPermalinks_EveryLinkVerdictMatchesTheBuiltSite(string pattern, string published)
    {
        using var scratch = new TempDirectory();
        var build = RealSiteHarness.Build(Hugo, Fixture, scratch.Root, prepare: source => WithPermalinks(source, pattern));
        Assert.True(build.Succeeded, "hugo failed:\n" + build.Log);
        Assert.True(File.Exists(Path.Combine(build.OutputRoot, published)), published + " was not built");

        var report = await SiteCheck.RunAsync(build.SourceRoot);
        var comparison = RealSiteHarness.Compare(report, RealSiteHarness.Crawl(Hugo, build.OutputRoot));

        // Fewer than with the fixture's URLs: from a post two levels deeper, ../../about/ leaves the site.
        comparison.AssertAgree(minimumCompared: 30);
    }

    [Fact]
    public async Task Permalinks_WithATokenNotModelled_SkipLinksToPagesNotFoundInsteadOfBreakingThem()
    {
        using var scratch = new TempDirectory();
        var build = RealSiteHarness.Build(Hugo, Fixture, scratch.Root, prepare: source => WithPermalinks(source, "/:monthname/:title/"));
        Assert.True(build.Succeeded, "hugo failed:\n" + build.Log);

        var report = await SiteCheck.RunAsync(build.SourceRoot);
        var comparison = RealSiteHarness.Compare(report, RealSiteHarness.Crawl(Hugo, build.OutputRoot));

        // Never broken from guessing: where the pattern decides, a miss is skipped.
        Assert.DoesNotContain(comparison.Disagreements, d => d.Contains("linkcheck says Broken", StringComparison.Ordinal));
        Assert.Contains(report.Results, r => r.Status == LinkStatus.Skipped && r.Message!.Contains("permalink pattern '/:monthname/:title/'", StringComparison.Ordinal));
    }

    private static void WithPermalinks(string source, string pattern)
    {
        File.AppendAllText(Path.Combine(source, "hugo.toml"), $"\n[permalinks]\nposts = \"{pattern}\"\n");
        var post = Path.Combine(source, "content", "posts", "first-post.md");
        File.WriteAllText(post, File.ReadAllText(post).Replace("title: First post\n", "title: First Post, Über!\ndate: 2023-05-05T10:00:00Z\n", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("posts/missing.md", "no page under content/ has that path or name")]
    [InlineData("posts/draft.md", "content/posts/draft.md is a draft")]
    [InlineData("custom-slug", "'custom-slug' is the slug of content/posts/slugged.md")]
    [InlineData("special/place", "no page under content/")]
    [InlineData("guide/bundle/diagram.txt", "no page under content/")]
    public async Task Build_RefToNoPage_FailsTheBuildAndIsBroken(string reference, string reason)
    {
        using var scratch = new TempDirectory();
        var build = RealSiteHarness.Build(Hugo, Fixture, scratch.Root, prepare: source =>
            File.AppendAllText(Path.Combine(source, "content", "about.md"), $"\n[B01 broken]({{{{< relref \"{reference}\" >}}}})\n"));
        Assert.False(build.Succeeded, "hugo was expected to stop on " + reference + ":\n" + build.Log);
        Assert.Contains("REF_NOT_FOUND", build.Log, StringComparison.Ordinal);

        var report = await SiteCheck.RunAsync(build.SourceRoot);

        var result = Assert.Single(report.Results, r => r.Text.StartsWith("B01", StringComparison.Ordinal));
        Assert.Equal(LinkStatus.Broken, result.Status);
        Assert.Equal(FindingCode.SiteBuildFails, result.Code);
        Assert.Contains(reason, result.Message, StringComparison.Ordinal);
        Assert.Contains("Hugo's build fails", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POSTS/MY-POST.MD")]
    [InlineData("My-Post")]
    [InlineData("first-post")]
    [InlineData("bundle")]
    [InlineData("/about")]
    [InlineData("../posts/urled.md")]
    public async Task Build_RefFoundByHugo_BuildsAndIsOk(string reference)
    {
        using var scratch = new TempDirectory();
        var build = RealSiteHarness.Build(Hugo, Fixture, scratch.Root, prepare: source =>
            File.AppendAllText(Path.Combine(source, "content", "posts", "aliased.md"), $"\n[B02 found]({{{{< relref \"{reference}\" >}}}})\n"));
        Assert.True(build.Succeeded, "hugo failed on " + reference + ":\n" + build.Log);

        var report = await SiteCheck.RunAsync(build.SourceRoot);
        var comparison = RealSiteHarness.Compare(report, RealSiteHarness.Crawl(Hugo, build.OutputRoot));

        var result = Assert.Single(report.Results, r => r.Text.StartsWith("B02", StringComparison.Ordinal));
        Assert.Equal(LinkStatus.Ok, result.Status);
        Assert.Contains(comparison.Agreements, line => line.StartsWith("B02", StringComparison.Ordinal));
    }
}
