using LinkCheck.Core.Model;
using LinkCheck.Core.Sites;
using LinkCheck.Core.Sites.GitHub;

namespace LinkCheck.Core.Tests.Sites;

/// <summary>Which files belong to which site: the nearest enclosing root, overrides, and the GitHub default.</summary>
public sealed class SiteDetectorTests : IDisposable
{
    private readonly TempDirectory _repo = new();

    public void Dispose() => _repo.Dispose();

    private SiteMap Detect(bool detect = true, params SiteOverride[] overrides)
    {
        var files = Directory.EnumerateFiles(_repo.Root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(_repo.Root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        return SiteDetector.Detect(new SiteDetectionOptions(_repo.Root, files, detect, overrides, DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void Detect_SiteInAFolder_LeavesTheRestToGitHub()
    {
        _repo.Write("README.md", "# Project\n");
        _repo.Write("docs/_config.yml", "baseurl: /project\n");
        _repo.Write("docs/guide/index.md", "# Guide\n");

        var sites = Detect();

        var site = Assert.Single(sites.Sites);
        Assert.Equal("docs", site.Info.Root);
        Assert.Equal("docs/_config.yml", site.Info.ConfigFile);
        Assert.Same(site, sites.SiteOf("docs/guide/index.md"));
        Assert.Same(GitHubSite.Instance, sites.SiteOf("README.md"));
        Assert.Same(GitHubSite.Instance, sites.SiteOf("docsx/a.md")); // a sibling whose name starts the same
    }

    [Fact]
    public void Detect_NestedSites_TheNearestRootWins()
    {
        _repo.Write("_config.yml", "title: outer\n");
        _repo.Write("index.md", "# Outer\n");
        _repo.Write("blog/_config.yml", "title: inner\n");
        _repo.Write("blog/index.md", "# Inner\n");

        var sites = Detect();

        Assert.Equal(["", "blog"], sites.Sites.Select(s => s.Info.Root));
        Assert.Equal("blog", sites.SiteOf("blog/index.md").Info.Root);
        Assert.Equal(string.Empty, sites.SiteOf("index.md").Info.Root);
    }

    [Fact]
    public void Detect_JupyterBook_IsNotJekyll()
    {
        _repo.Write("book/_config.yml", "title: A book\n");
        _repo.Write("book/_toc.yml", "format: jb-book\n");
        _repo.Write("book/intro.md", "# Intro\n");

        Assert.True(Detect().IsEmpty);
    }

    [Fact]
    public void Detect_InvalidConfiguration_IsANoteAndGitHubRules()
    {
        _repo.Write("docs/_config.yml", "baseurl: [unclosed\n");
        _repo.Write("docs/index.md", "# Docs\n");

        var sites = Detect();

        Assert.True(sites.IsEmpty);
        var note = Assert.Single(sites.Notes);
        Assert.StartsWith("jekyll site at docs/ judged as GitHub renders it: docs/_config.yml is not valid YAML", note, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_OverrideGitHub_TurnsADetectedSiteOff()
    {
        _repo.Write("docs/_config.yml", "title: docs\n");
        _repo.Write("docs/index.md", "# Docs\n");

        var sites = Detect(true, new SiteOverride("docs", "github"));

        Assert.True(sites.IsEmpty);
        Assert.Contains("jekyll site at docs/ judged as GitHub renders it (configured)", sites.Notes);
    }

    [Fact]
    public void Detect_OverrideWithoutConfiguration_BuildsTheSiteWithDefaults()
    {
        _repo.Write("site/index.md", "# Site\n");

        var sites = Detect(false, new SiteOverride("./site/", "jekyll", new Uri("https://example.org/")));

        var site = Assert.Single(sites.Sites);
        Assert.Equal(SiteOrigin.Configured, site.Info.Origin);
        Assert.Null(site.Info.ConfigFile);
        Assert.Equal("/", site.PublicationOf("site/index.md").Url); // index.md is its folder's page
    }

    [Fact]
    public void Detect_Off_FindsNothing()
    {
        _repo.Write("_config.yml", "title: x\n");

        Assert.True(Detect(detect: false).IsEmpty);
    }

    [Fact]
    public void Detect_UnknownGenerator_IsAConfigurationError()
    {
        var error = Assert.Throws<LinkCheckConfigurationException>(() => Detect(true, new SiteOverride(".", "pelican")));

        Assert.StartsWith("unknown site generator 'pelican'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Interpret_NoSite_IsExactlyTheGitHubParse()
    {
        var occurrence = new LinkOccurrence(new SourceLocation("docs/a.md", 1, 1, 5), "../b.md#x", "b", LinkKind.Link);

        var target = SiteMap.None.Interpret(occurrence.Url, occurrence);

        Assert.Equal(LinkCheck.Core.Planning.LinkTargetParser.Parse("../b.md#x", "docs/a.md"), target);
    }
}
