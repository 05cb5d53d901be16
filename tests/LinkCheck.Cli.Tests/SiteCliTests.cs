using System.Text.Json;

namespace LinkCheck.Cli.Tests;

/// <summary>Sites through the real CLI: detection, the report header, --site and sites: overrides and their errors.</summary>
public sealed class SiteCliTests : IDisposable
{
    private readonly TempDirectory _repo = new();

    public SiteCliTests()
    {
        // A GitHub-rendered README beside a Jekyll site in docs/: the README's link to the draft is fine on GitHub,
        // the page's is broken on the site.
        _repo.InitGit();
        _repo.Write("README.md", "# Project\n\n[draft](docs/_drafts/plan.md)\n");
        _repo.Write("docs/_config.yml", "baseurl: /project\n");
        _repo.Write("docs/index.md", "---\ntitle: Home\n---\n\n# Home\n\n[plan](_drafts/plan.md)\n");
        _repo.Write("docs/_drafts/plan.md", "---\ntitle: Plan\n---\n\n# Plan\n");
    }

    public void Dispose() => _repo.Dispose();

    [Fact]
    public async Task DetectedSite_IsNamedInTheHeader_AndJudgesOnlyItsPages()
    {
        var run = await CliRun.RunAsync(_repo.Root, "--offline");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("Judged as a jekyll site at docs/ (detected from docs/_config.yml, served under /project/): 2 files checked,", run.Out, StringComparison.Ordinal);
        Assert.Contains("Other files: as GitHub renders them.", run.Out, StringComparison.Ordinal);
        Assert.Contains("docs/index.md:7:8: broken: _drafts/plan.md", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("README.md:3", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SiteBesideThePathsGiven_IsListedOnlyWithVerbose()
    {
        var run = await CliRun.RunAsync(_repo.Root, "--offline", "README.md");
        var verbose = await CliRun.RunAsync(_repo.Root, "--offline", "--verbose", "README.md");

        Assert.DoesNotContain("Judged as", run.Out, StringComparison.Ordinal);
        Assert.Contains("Judged as a jekyll site at docs/ (detected from docs/_config.yml, served under /project/): 0 files checked,", verbose.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SiteNone_JudgesEverythingAsGitHubRendersIt()
    {
        var run = await CliRun.RunAsync(_repo.Root, "--offline", "--site", "none");

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("Judged as", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SitesKeyWithBaseUrl_IsInTheJsonSummary()
    {
        _repo.Write(".linkcheck.yml", "offline: true\nformat: json\nsites:\n  - root: docs\n    generator: jekyll\n    base-url: https://example.github.io/project/\n");

        var run = await CliRun.RunAsync(_repo.Root);

        using var json = JsonDocument.Parse(run.Out);
        var site = Assert.Single(json.RootElement.GetProperty("summary").GetProperty("sites").EnumerateArray());
        Assert.Equal("docs", site.GetProperty("root").GetString());
        Assert.Equal("configured", site.GetProperty("origin").GetString());
        Assert.Equal("https://example.github.io/project/", site.GetProperty("baseUrl").GetString());
    }

    [Fact]
    public async Task SiteGitHubForARoot_TurnsThatSiteOff()
    {
        var run = await CliRun.RunAsync(_repo.Root, "--offline", "--site", "github=docs");

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("Judged as", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--site", "pelican=docs", "linkcheck: --site 'pelican=docs': expected GENERATOR=DIR (GENERATOR one of jekyll, hugo, mkdocs, mdbook, docfx, docusaurus, github, none) or none\n")]
    [InlineData("--site", "jekyll=nowhere", "linkcheck: --site 'jekyll=nowhere': directory not found: ")]
    public async Task BadSiteOption_IsExitCodeTwoNamingIt(string option, string value, string error)
    {
        var run = await CliRun.RunAsync(_repo.Root, "--offline", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith(error, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SitesKeyWithUnknownGenerator_IsExitCodeTwoWithTheLine()
    {
        _repo.Write(".linkcheck.yml", "offline: true\nsites:\n  - root: docs\n    generator: pelican\n");

        var run = await CliRun.RunAsync(_repo.Root);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"linkcheck: {_repo.PathOf(".linkcheck.yml")}:3: sites[1].generator: expected one of {string.Join(", ", LinkCheck.Core.Sites.SiteRegistry.Names)}, not 'pelican'\n", run.Error);
    }

    [Fact]
    public async Task Fix_RewritesALinkWhereExactlyOnePageFits()
    {
        // The run's clock is the fake one (2000-01-01): a later post would not be published yet.
        _repo.Write("docs/_posts/1999-05-05-hello.md", "---\ntitle: Hello\n---\n\n# Hello\n\n## Setup -- guide\n");
        _repo.Write("docs/about.md", "---\ntitle: About\n---\n\n[post](/project/1999/05/06/hello.html) [anchor](/project/1999/05/05/hello.html#setup----guide)\n");

        var run = await CliRun.RunAsync(_repo.Root, "--offline", "--fix");

        Assert.Contains("linkcheck: fixed 2 links in 1 file", run.Out, StringComparison.Ordinal);
        Assert.Equal(
            "---\ntitle: About\n---\n\n[post](/project/1999/05/05/hello.html) [anchor](/project/1999/05/05/hello.html#setup--guide)\n",
            await File.ReadAllTextAsync(_repo.PathOf("docs/about.md")));
    }
}
