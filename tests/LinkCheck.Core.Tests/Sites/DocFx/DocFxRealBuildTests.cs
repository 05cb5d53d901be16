using LinkCheck.Core.Model;
using LinkCheck.Core.Tests.Sites.Harness;

namespace LinkCheck.Core.Tests.Sites.DocFx;

/// <summary>
/// The DocFX fixture (<c>tests/Sites/docfx</c>) built with the real DocFX 2.81: linkcheck's verdict on every keyed
/// link must be what the built site does with it, except where Microsoft Learn, which the fixture's
/// <c>.openpublishing.publish.config.json</c> names, serves more than a local DocFX build does.
/// </summary>
public class DocFxRealBuildTests
{
    /// <summary>
    /// Links that work on Microsoft Learn but not in a local DocFX build: D04 differs from the file only in case
    /// (Learn's paths ignore case: a warning), D06 names a file moved with an entry in
    /// <c>.openpublishing.redirection.json</c>.
    /// </summary>
    private static readonly string[] LearnOnly = ["D04", "D06"];

    [Fact]
    public async Task Build_DocFxFixture_EveryLinkVerdictMatchesTheBuiltSite()
    {
        using var scratch = new TempDirectory();
        var build = RealSiteHarness.Build(Generators.DocFx, FixturePaths.Of("docfx"), scratch.Root);
        Assert.True(build.Succeeded, "docfx build failed:\n" + build.Log);
        var crawled = RealSiteHarness.Crawl(Generators.DocFx, build.OutputRoot);

        // As a Microsoft Learn docset: only the Learn-only links differ from the local build, in the expected way.
        var learn = await SiteCheck.RunAsync(build.SourceRoot);
        var comparison = RealSiteHarness.Compare(learn, crawled);
        Assert.Equal(LearnOnly, comparison.Disagreements.Select(RealSiteHarness.KeyOf).Order(StringComparer.Ordinal));
        Assert.Equal(LinkStatus.Warning, Keyed(learn, "D04").Status);
        Assert.Equal(LinkStatus.Ok, Keyed(learn, "D06").Status);
        Assert.Equal(LinkStatus.Skipped, Keyed(learn, "D17").Status);
        new SiteVerdictComparison(comparison.Agreements, [], comparison.NotJudged).AssertAgree(minimumCompared: 28);

        // As a plain DocFX site (no Learn configuration): every link as the local build has it.
        foreach (var file in Directory.GetFiles(build.SourceRoot, ".openpublishing.*"))
        {
            File.Delete(file);
        }

        var plain = await SiteCheck.RunAsync(build.SourceRoot);
        RealSiteHarness.Compare(plain, crawled).AssertAgree(minimumCompared: 32);
    }

    private static LinkResult Keyed(CheckReport report, string key) =>
        Assert.Single(report.Results, r => RealSiteHarness.KeyOf(r.Text) == key);
}
