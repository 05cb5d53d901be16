using LinkCheck.Core.Model;

namespace LinkCheck.Core.Tests.Resolution;

public sealed class FragmentResolverTests : ResolutionTestBase
{
    [Fact]
    public async Task Resolve_HeadingAnchors_InSameAndOtherFiles()
    {
        Repo.Write("docs/install.md", "# Install\n\n## Installing on Linux\n\n## Installing on Linux\n");
        Repo.Write("README.md", "# Read me\n\n[a](#read-me) [b](docs/install.md#installing-on-linux) [c](docs/install.md#installing-on-linux-1) [d](#) [e](#top) [f](docs/install.md#user-content-install)\n");

        var report = await CheckAsync();

        Assert.All(report.Results, r => Assert.Equal(LinkStatus.Ok, r.Status));
    }

    [Fact]
    public async Task Resolve_MissingAnchor_IsBrokenWithTheClosestSuggestion()
    {
        Repo.Write("docs/install.md", "# Install\n\n## Installing on Linux\n\n## Usage\n");
        Repo.Write("README.md", "[x](docs/install.md#instaling-on-linux)");

        var result = await ResultForAsync("docs/install.md#instaling-on-linux");

        Assert.Equal(LinkStatus.Broken, result.Status);
        Assert.Equal("no heading or anchor #instaling-on-linux in docs/install.md", result.Message);
        Assert.Equal("docs/install.md#installing-on-linux", result.Suggestion);
    }

    [Fact]
    public async Task Resolve_CaseOnlyMismatch_IsAWarning()
    {
        Repo.Write("a.md", "## Getting Started\n\n[x](#Getting-Started)");
        var result = await ResultForAsync("#Getting-Started");
        Assert.Equal(LinkStatus.Warning, result.Status);
        Assert.Equal("#getting-started", result.Suggestion);
    }

    [Fact]
    public async Task Resolve_EmojiHeadingWithVariationSelector_MatchesEncodedFragment()
    {
        Repo.Write("a.md", "## ⚠️ Warning\n\n[ok](#%EF%B8%8F-warning) [bad](#-warning)");
        var report = await CheckAsync();
        Assert.Equal(LinkStatus.Ok, report.Results.Single(r => r.Url == "#%EF%B8%8F-warning").Status);
        var bad = report.Results.Single(r => r.Url == "#-warning");
        Assert.Equal(LinkStatus.Broken, bad.Status);
        Assert.Equal("#%EF%B8%8F-warning", bad.Suggestion);
    }

    [Fact]
    public async Task Resolve_HtmlAnchorsInMarkdown()
    {
        Repo.Write("a.md", "<a name=\"legacy-anchor\"></a>\n\n<h2 id=\"custom\">Custom</h2>\n\n[x](#legacy-anchor) [y](#custom)");
        var report = await CheckAsync();
        Assert.All(report.Results, r => Assert.Equal(LinkStatus.Ok, r.Status));
    }

    [Fact]
    public async Task Resolve_LineAnchorsOnSourceFiles()
    {
        Repo.Write("src/app.py", "line1\nline2\nline3\n");
        Repo.Write("a.md", "[a](src/app.py#L2) [b](src/app.py#L1-L3) [c](src/app.py#L2C1-L3C4) [d](src/app.py#L4) [e](src/app.py#main)");
        var report = await CheckAsync();
        var status = report.Results.ToDictionary(r => r.Url!, r => r.Status);
        Assert.Equal(LinkStatus.Ok, status["src/app.py#L2"]);
        Assert.Equal(LinkStatus.Ok, status["src/app.py#L1-L3"]);
        Assert.Equal(LinkStatus.Ok, status["src/app.py#L2C1-L3C4"]);
        Assert.Equal(LinkStatus.Broken, status["src/app.py#L4"]);
        Assert.Equal(LinkStatus.Ok, status["src/app.py#main"]);
        Assert.Equal("line 4 is past the end of src/app.py (3 lines)", report.Results.Single(r => r.Url == "src/app.py#L4").Message);
    }

    [Fact]
    public async Task Resolve_LineAnchorOnMarkdown_NeedsPlainView()
    {
        Repo.Write("guide.md", "# Guide\n\ntext\n");
        Repo.Write("a.md", "[a](guide.md?plain=1#L3) [b](guide.md#L3)");
        var report = await CheckAsync();
        Assert.Equal(LinkStatus.Ok, report.Results.Single(r => r.Url == "guide.md?plain=1#L3").Status);
        Assert.Equal(LinkStatus.Broken, report.Results.Single(r => r.Url == "guide.md#L3").Status);
    }

    [Fact]
    public async Task Resolve_HtmlFileIds_AreCaseSensitive()
    {
        Repo.Write("site/page.html", "<html><body><section id=\"Intro\"></section><a name=\"old\"></a></body></html>");
        Repo.Write("a.md", "[a](site/page.html#Intro) [b](site/page.html#old) [c](site/page.html#intro)");
        var report = await CheckAsync();
        var status = report.Results.ToDictionary(r => r.Url!, r => r.Status);
        Assert.Equal(LinkStatus.Ok, status["site/page.html#Intro"]);
        Assert.Equal(LinkStatus.Ok, status["site/page.html#old"]);
        Assert.Equal(LinkStatus.Broken, status["site/page.html#intro"]);
    }

    [Fact]
    public async Task Resolve_FragmentOnDirectory_UsesItsReadme()
    {
        Repo.Write("docs/README.md", "# Docs\n\n## Layout\n");
        Repo.Write("a.md", "[a](docs/#layout) [b](docs#nope)");
        var report = await CheckAsync();
        Assert.Equal(LinkStatus.Ok, report.Results.Single(r => r.Url == "docs/#layout").Status);
        Assert.Equal(LinkStatus.Broken, report.Results.Single(r => r.Url == "docs#nope").Status);
    }

    [Fact]
    public async Task Resolve_FragmentIntoUncheckedMarkdown_ParsesItOnDemand()
    {
        Repo.Write(".gitignore", "generated/\n");
        Repo.Write("generated/api.md", "# API\n\n## Methods\n");
        Repo.Write("a.md", "[m](generated/api.md#methods)");
        var result = await ResultForAsync("generated/api.md#methods");
        Assert.Equal(LinkStatus.Warning, result.Status);
        Assert.Contains("ignored by git", result.Message);
    }

    [Fact]
    public async Task Resolve_FragmentIntoBrokenFile_ExplainsWhy()
    {
        Repo.WriteBytes("bad.md", [0x23, 0x20, 0x00, 0x28]);
        Repo.Write("a.md", "[x](bad.md#x)");
        var result = await ResultForAsync("bad.md#x");
        Assert.Equal(LinkStatus.Broken, result.Status);
        Assert.Contains("binary file", result.Message);
    }
}
