using LinkCheck.Core.Model;
using LinkCheck.Core.Tests.Sites.Harness;
using Xunit.Abstractions;

namespace LinkCheck.Core.Tests.Sites.Hugo;

/// <summary>
/// The <c>hugo-taxonomies</c> fixture (tags, categories and a custom <c>series</c> taxonomy) built with the real Hugo
/// (Debian's 0.111.3, <c>.ci/install-hugo.sh</c>): every link into a taxonomy or term page gets the verdict the built
/// site gives it, under the configuration variants that change which of those pages Hugo publishes.
/// </summary>
public class HugoTaxonomyRealBuildTests(ITestOutputHelper output)
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "TestData", "Sites", "hugo-taxonomies");

    [Fact]
    public async Task Build_Fixture_EveryTaxonomyLinkVerdictMatchesTheBuiltSite()
    {
        using var scratch = new TempDirectory();
        var build = RealSiteHarness.Build(HugoRealBuildTests.Hugo, Fixture, scratch.Root);
        Assert.True(build.Succeeded, "hugo failed:\n" + build.Log);
        Assert.True(File.Exists(Path.Combine(build.OutputRoot, "tags", "two-words", "index.html")), "the term page of 'Two Words' was not built");

        var report = await SiteCheck.RunAsync(build.SourceRoot);
        var comparison = RealSiteHarness.Compare(report, RealSiteHarness.Crawl(HugoRealBuildTests.Hugo, build.OutputRoot));
        Log(comparison);

        comparison.AssertAgree(minimumCompared: 18);
        var missing = Assert.Single(report.Results, r => r.Text.StartsWith("T05", StringComparison.Ordinal));
        Assert.Equal(LinkStatus.Broken, missing.Status);
        Assert.Contains("no published page has the tag 'missing' in its front matter", missing.Message, StringComparison.Ordinal);
        var written = Assert.Single(report.Results, r => r.Text.StartsWith("T04", StringComparison.Ordinal));
        Assert.Equal(LinkStatus.Broken, written.Status);
        Assert.Contains("urlized, at /docs/tags/two-words/", written.Message, StringComparison.Ordinal);
        var anchor = Assert.Single(report.Results, r => r.Text.StartsWith("T09", StringComparison.Ordinal));
        Assert.Equal(LinkStatus.Skipped, anchor.Status);
        Assert.Contains("#pages not checked", anchor.Message, StringComparison.Ordinal);

        // A generated page has no source file: the suggestion names none (it used to say "from content/tags/go").
        var singular = Assert.Single(report.Results, r => r.Text.StartsWith("T19", StringComparison.Ordinal));
        Assert.Equal(LinkStatus.Broken, singular.Status);
        Assert.Equal("no page is published at /docs/tag/go/ (did you mean /docs/tags/go/?)", singular.Message);
    }

    [Theory]
    [InlineData("disableKinds", "uglyURLs = true\ndisableKinds", "series.html")]
    [InlineData("disableKinds = [", "disableKinds = [\"term\", ", "tags/index.html")]
    [InlineData("disableKinds = [", "disableKinds = [\"taxonomy\", \"term\", ", "posts/links/index.html")]
    [InlineData("category = \"categories\"\nseries = \"series\"\n", "", "tags/go/index.html")]
    [InlineData("[taxonomies]", "[unused]", "categories/tutorials/index.html")]
    public async Task Build_FixtureWithTaxonomySettings_EveryLinkVerdictMatchesTheBuiltSite(string find, string replace, string published)
    {
        // uglyURLs; term pages off; list and term pages off; a [taxonomies] table without categories; no table (Hugo's defaults).
        using var scratch = new TempDirectory();
        var build = RealSiteHarness.Build(HugoRealBuildTests.Hugo, Fixture, scratch.Root, prepare: source =>
        {
            var config = Path.Combine(source, "hugo.toml");
            var text = File.ReadAllText(config);
            Assert.Contains(find, text, StringComparison.Ordinal);
            File.WriteAllText(config, text.Replace(find, replace, StringComparison.Ordinal));
        });
        Assert.True(build.Succeeded, "hugo failed:\n" + build.Log);
        Assert.True(File.Exists(Path.Combine(build.OutputRoot, published)), published + " was not built");

        var report = await SiteCheck.RunAsync(build.SourceRoot);
        var comparison = RealSiteHarness.Compare(report, RealSiteHarness.Crawl(HugoRealBuildTests.Hugo, build.OutputRoot));
        Log(comparison);

        // Fewer with uglyURLs: from /docs/posts/links.html, ../../tags/ leaves the site (an external URL, not judged offline).
        comparison.AssertAgree(minimumCompared: replace.StartsWith("uglyURLs", StringComparison.Ordinal) ? 6 : 18);
    }

    private void Log(SiteVerdictComparison comparison)
    {
        output.WriteLine($"{comparison.Agreements.Count} links agree");
        foreach (var line in comparison.Agreements.Concat(comparison.NotJudged.Select(n => "not judged: " + n)))
        {
            output.WriteLine(line);
        }
    }
}
