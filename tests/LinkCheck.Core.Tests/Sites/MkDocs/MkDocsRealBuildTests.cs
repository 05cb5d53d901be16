using LinkCheck.Core.Model;
using LinkCheck.Core.Tests.Sites.Harness;
using Xunit.Abstractions;

namespace LinkCheck.Core.Tests.Sites.MkDocs;

/// <summary>
/// The MkDocs fixture built with the real MkDocs (Debian's 1.4.2 with Python-Markdown 3.4.1,
/// <c>.ci/install-mkdocs.sh</c>), with directory URLs (the default) and without: linkcheck's verdict on every keyed
/// link must be what the built site does with it.
/// </summary>
public class MkDocsRealBuildTests(ITestOutputHelper output)
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "TestData", "Sites", "mkdocs");

    /// <summary>MkDocs, building into the harness's output folder; the fixture's site_url is https://example.org/manual/.</summary>
    public static GeneratorCommand MkDocs { get; } = new GeneratorCommand(
        "mkdocs",
        "mkdocs",
        (source, output) => ["build", "--config-file", Path.Combine(source, "mkdocs.yml"), "--site-dir", output, "--quiet"],
        ".ci/install-mkdocs.sh (Debian: mkdocs)").WithBasePath("/manual") with { PublishedHost = "https://example.org" };

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Build_Fixture_EveryLinkVerdictMatchesTheBuiltSite(bool directoryUrls)
    {
        using var scratch = new TempDirectory();
        var build = RealSiteHarness.Build(MkDocs, Fixture, scratch.Root, prepare: source =>
            File.AppendAllText(Path.Combine(source, "mkdocs.yml"), $"use_directory_urls: {(directoryUrls ? "true" : "false")}\n"));
        Assert.True(build.Succeeded, "mkdocs failed:\n" + build.Log);

        var report = await SiteCheck.RunAsync(build.SourceRoot);
        var comparison = RealSiteHarness.Compare(report, RealSiteHarness.Crawl(MkDocs, build.OutputRoot));

        output.WriteLine($"{comparison.Agreements.Count} links agree");
        foreach (var line in comparison.Agreements.Concat(comparison.NotJudged.Select(n => "not judged: " + n)))
        {
            output.WriteLine(line);
        }

        comparison.AssertAgree(minimumCompared: 36);
    }
}
