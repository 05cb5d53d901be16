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
        Assert.Contains(setting.StartsWith('[') ? "posts/first-post.html" : "guide.html", string.Join('\n', Directory.EnumerateFiles(build.OutputRoot, "*.html", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(build.OutputRoot, f).Replace('\\', '/'))), StringComparison.Ordinal);

        var report = await SiteCheck.RunAsync(build.SourceRoot);
        var comparison = RealSiteHarness.Compare(report, RealSiteHarness.Crawl(Hugo, build.OutputRoot));

        foreach (var line in comparison.Disagreements)
        {
            output.WriteLine(line);
        }

        // Fewer than with pretty URLs: from /docs/posts/a.html, ../../about/ leaves the site (an external URL, not judged offline).
        comparison.AssertAgree(minimumCompared: 35);
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
