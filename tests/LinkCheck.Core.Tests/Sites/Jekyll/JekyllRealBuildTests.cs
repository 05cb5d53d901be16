using LinkCheck.Core.Model;
using LinkCheck.Core.Tests.Sites.Harness;
using Xunit.Abstractions;

namespace LinkCheck.Core.Tests.Sites.Jekyll;

/// <summary>
/// The Jekyll fixtures built with the real Jekyll (Debian's 4.3 with GitHub Pages' default plugins): linkcheck's
/// verdict on every keyed link must be what the built site does with it.
/// </summary>
public class JekyllRealBuildTests(ITestOutputHelper output)
{
    private static readonly string Blog = Path.Combine(AppContext.BaseDirectory, "TestData", "Sites", "jekyll-blog");

    private static readonly GeneratorCommand Jekyll = Harness.Generators.Jekyll.WithBasePath("/blog") with { PublishedHost = "https://example.github.io" };

    [Fact]
    public async Task Build_BlogFixture_EveryLinkVerdictMatchesTheBuiltSite()
    {
        using var scratch = new TempDirectory();
        var build = RealSiteHarness.Build(Jekyll, Blog, scratch.Root);
        Assert.True(build.Succeeded, "jekyll build failed:\n" + build.Log);

        var report = await SiteCheck.RunAsync(build.SourceRoot);
        var comparison = RealSiteHarness.Compare(report, RealSiteHarness.Crawl(Jekyll, build.OutputRoot));

        output.WriteLine($"{comparison.Agreements.Count} links agree");
        foreach (var line in comparison.Agreements.Concat(comparison.NotJudged.Select(n => "not judged: " + n)))
        {
            output.WriteLine(line);
        }

        comparison.AssertAgree(minimumCompared: 40);
    }

    [Theory]
    [InlineData("{% post_url 2023-01-01-missing %}", "no post named 2023-01-01-missing")]
    [InlineData("{% post_url wip %}", "_drafts/wip.md is a draft")]
    [InlineData("{% post_url 2023-05-05-Hello %}", "2023-05-05-hello differs only in case")]
    [InlineData("{% link About.md %}", "about.md differs only in case")]
    [InlineData("{% link _drafts/wip.md %}", "_drafts/wip.md is not published")]
    public async Task Build_TagToAMissingTarget_FailsTheBuildAndIsBroken(string tag, string reason)
    {
        using var scratch = new TempDirectory();
        var build = RealSiteHarness.Build(Jekyll, Blog, scratch.Root, prepare: source =>
            File.WriteAllText(Path.Combine(source, "broken.md"), $"---\ntitle: Broken\n---\n\n[B01 broken]({tag})\n"));
        Assert.False(build.Succeeded, "jekyll was expected to stop on " + tag + ":\n" + build.Log);

        var report = await SiteCheck.RunAsync(build.SourceRoot);

        var result = Assert.Single(report.Results, r => r.Text.StartsWith("B01", StringComparison.Ordinal));
        Assert.Equal(LinkStatus.Broken, result.Status);
        Assert.Equal(FindingCode.SiteBuildFails, result.Code);
        Assert.Contains(reason, result.Message, StringComparison.Ordinal);
        Assert.Contains("Jekyll stops the build", result.Message, StringComparison.Ordinal);
    }
}
