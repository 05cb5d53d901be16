using LinkCheck.Core.Tests.Sites.Harness;

namespace LinkCheck.Core.Tests.Sites.Docusaurus;

/// <summary>
/// The Docusaurus fixture (<c>tests/Sites/docusaurus</c>: baseUrl, a docs routeBasePath, versions, a blog, pages,
/// static files) built with the real Docusaurus 3 (<c>onBrokenLinks: 'warn'</c>): linkcheck's verdict on every keyed
/// link must be what the built site does with it.
/// </summary>
public class DocusaurusRealBuildTests
{
    private static readonly GeneratorCommand Docusaurus = Generators.Docusaurus.WithBasePath("/widgets/");

    [Fact]
    public async Task Build_DocusaurusFixture_EveryLinkVerdictMatchesTheBuiltSite()
    {
        using var scratch = new TempDirectory();
        var build = RealSiteHarness.Build(Docusaurus, FixturePaths.Of("docusaurus"), scratch.Root);
        Assert.True(build.Succeeded, "docusaurus build failed:\n" + build.Log);

        // What the build added to the source tree is not the fixture's: the linked node_modules (removed as a link,
        // never followed) and Docusaurus's generated .docusaurus folder.
        Directory.Delete(Path.Combine(build.SourceRoot, "node_modules"));
        Directory.Delete(Path.Combine(build.SourceRoot, ".docusaurus"), recursive: true);

        var report = await SiteCheck.RunAsync(build.SourceRoot);
        var comparison = RealSiteHarness.Compare(report, RealSiteHarness.Crawl(Docusaurus, build.OutputRoot));

        comparison.AssertAgree(minimumCompared: 45);
    }
}
