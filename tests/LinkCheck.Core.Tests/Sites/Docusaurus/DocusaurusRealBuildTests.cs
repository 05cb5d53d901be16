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

    [Theory]
    [InlineData(null)]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Build_DocusaurusFixture_EveryLinkVerdictMatchesTheBuiltSite(bool? trailingSlash)
    {
        // trailingSlash (docusaurus.io/docs/api/docusaurus-config#trailingSlash) moves pages between /x/index.html
        // and /x.html, and with them the base that relative links resolve against.
        using var scratch = new TempDirectory();
        // trailingSlash: false is meant for hosts that answer /x with x.html, as GitHub Pages does.
        var generator = trailingSlash == false ? Docusaurus with { ServesWithoutHtmlExtension = true } : Docusaurus;
        var build = RealSiteHarness.Build(generator, FixturePaths.Of("docusaurus"), scratch.Root, prepare: source =>
        {
            if (trailingSlash is { } slash)
            {
                var config = Path.Combine(source, "docusaurus.config.js");
                File.WriteAllText(config, File.ReadAllText(config).Replace("  baseUrl: '/widgets/',\n", $"  baseUrl: '/widgets/',\n  trailingSlash: {(slash ? "true" : "false")},\n", StringComparison.Ordinal));
            }
        });
        Assert.True(build.Succeeded, "docusaurus build failed:\n" + build.Log);

        // What the build added to the source tree is not the fixture's: the linked node_modules (removed as a link,
        // never followed) and Docusaurus's generated .docusaurus folder.
        Directory.Delete(Path.Combine(build.SourceRoot, "node_modules"));
        Directory.Delete(Path.Combine(build.SourceRoot, ".docusaurus"), recursive: true);

        var report = await SiteCheck.RunAsync(build.SourceRoot);
        var comparison = RealSiteHarness.Compare(report, RealSiteHarness.Crawl(generator, build.OutputRoot));

        comparison.AssertAgree(minimumCompared: 45);
    }
}
