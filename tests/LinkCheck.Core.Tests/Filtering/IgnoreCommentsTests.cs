using LinkCheck.Core.Model;

namespace LinkCheck.Core.Tests.Filtering;

/// <summary>Inline ignore comments and .linkcheckignore, through the real checker.</summary>
public sealed class IgnoreCommentsTests : IDisposable
{
    private readonly TempDirectory _repo = new();

    public IgnoreCommentsTests() => _repo.InitGit();

    public void Dispose() => _repo.Dispose();

    private async Task<CheckReport> CheckAsync(string markdown)
    {
        _repo.Write("README.md", markdown);
        return await new LinkChecker().CheckAsync(new LinkCheckOptions { RootDirectory = _repo.Root, Offline = true });
    }

    private static LinkResult Result(CheckReport report, string url) => Assert.Single(report.Results, r => r.Url == url);

    [Fact]
    public async Task DisableEnable_IgnoresTheLinksBetween()
    {
        var report = await CheckAsync("[a](a.md)\n\n<!-- linkcheck-disable -->\n\n[b](b.md) [c](c.md)\n\n<!-- linkcheck-enable -->\n\n[d](d.md)\n");
        Assert.Equal(LinkStatus.Broken, Result(report, "a.md").Status);
        Assert.Equal(LinkStatus.Excluded, Result(report, "b.md").Status);
        Assert.Equal("ignored by <!-- linkcheck-disable --> on line 3", Result(report, "c.md").Message);
        Assert.Equal(LinkStatus.Broken, Result(report, "d.md").Status);
    }

    [Fact]
    public async Task DisableWithoutEnable_IgnoresToTheEndOfTheFile()
    {
        var report = await CheckAsync("<!-- linkcheck-disable -->\n\n[a](a.md)\n\n# Later\n\n[b](b.md)\n");
        Assert.All(report.Results, r => Assert.Equal(LinkStatus.Excluded, r.Status));
        Assert.False(report.HasFailures);
    }

    [Fact]
    public async Task DisableNextLine_IgnoresOnlyTheNextLine()
    {
        var report = await CheckAsync("<!-- linkcheck-disable-next-line -->\n[a](a.md)\n[b](b.md)\n");
        Assert.Equal("ignored by <!-- linkcheck-disable-next-line --> on line 1", Result(report, "a.md").Message);
        Assert.Equal(LinkStatus.Broken, Result(report, "b.md").Status);
    }

    [Fact]
    public async Task DisableLine_IgnoresTheLinksOnItsLine()
    {
        var report = await CheckAsync("[a](a.md) <!-- linkcheck-disable-line --> [b](b.md)\n[c](c.md)\n");
        Assert.Equal(LinkStatus.Excluded, Result(report, "a.md").Status);
        Assert.Equal(LinkStatus.Excluded, Result(report, "b.md").Status);
        Assert.Equal(LinkStatus.Broken, Result(report, "c.md").Status);
    }

    [Theory]
    [InlineData("markdown-link-check")]
    [InlineData("mlc")]
    public async Task OtherToolsComments_AreHonoured(string prefix)
    {
        var report = await CheckAsync($"<!-- {prefix}-disable -->\n[a](a.md)\n<!-- {prefix}-enable -->\n\n<!-- {prefix}-disable-next-line -->\n[b](b.md)\n\n[c](c.md) <!-- {prefix}-disable-line -->\n\n[d](d.md)\n");
        Assert.Equal($"ignored by <!-- {prefix}-disable --> on line 1", Result(report, "a.md").Message);
        Assert.Equal(LinkStatus.Excluded, Result(report, "b.md").Status);
        Assert.Equal(LinkStatus.Excluded, Result(report, "c.md").Status);
        Assert.Equal(LinkStatus.Broken, Result(report, "d.md").Status);
    }

    [Fact]
    public async Task CommentsInCode_AreNotDirectives()
    {
        var report = await CheckAsync("```html\n<!-- linkcheck-disable -->\n```\n\nUse `<!-- linkcheck-disable-next-line -->` to skip a line:\n[a](a.md)\n\n    <!-- linkcheck-disable -->\n\n[b](b.md)\n");
        Assert.Equal(LinkStatus.Broken, Result(report, "a.md").Status);
        Assert.Equal(LinkStatus.Broken, Result(report, "b.md").Status);
    }

    [Fact]
    public async Task OtherComments_AreNotDirectives()
    {
        var report = await CheckAsync("<!-- linkcheck-disable please -->\n<!-- TODO: linkcheck-disable -->\n[a](a.md)\n");
        Assert.Equal(LinkStatus.Broken, Result(report, "a.md").Status);
    }

    [Fact]
    public async Task DirectiveInsideHtmlBlock_AppliesToHtmlLinks()
    {
        var report = await CheckAsync("<p>\n<!-- linkcheck-disable-next-line -->\n<a href=\"gone.html\">x</a>\n<a href=\"also-gone.html\">y</a>\n</p>\n");
        Assert.Equal(LinkStatus.Excluded, Result(report, "gone.html").Status);
        Assert.Equal(LinkStatus.Broken, Result(report, "also-gone.html").Status);
    }

    [Fact]
    public async Task IgnoreFile_ExcludesMatchingUrlsWithTheLine()
    {
        _repo.Write(".linkcheckignore", "# URLs we know are gone\n\n^legacy/\n\\.pdf$\n");
        var report = await CheckAsync("[a](legacy/a.md) [b](manual.pdf) [c](c.md)\n");
        Assert.Equal("excluded by .linkcheckignore line 3", Result(report, "legacy/a.md").Message);
        Assert.Equal("excluded by .linkcheckignore line 4", Result(report, "manual.pdf").Message);
        Assert.Equal(LinkStatus.Broken, Result(report, "c.md").Status);
    }

    [Fact]
    public async Task IgnoreFile_WithABadRegex_NamesTheLine()
    {
        _repo.Write(".linkcheckignore", "^ok\n(broken\n");
        var error = await Assert.ThrowsAsync<LinkCheckConfigurationException>(() => CheckAsync("[a](a.md)\n"));
        Assert.StartsWith(".linkcheckignore:2: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LycheeIgnore_WithoutALinkcheckIgnore_IsReadAsLycheeReadsIt()
    {
        // lychee (lychee-bin/src/main.rs, read_lines) skips empty lines and lines starting with # after white space,
        // and keeps every other line as written: "  ^spaced" and "^tail " keep their spaces, so they match nothing here.
        _repo.WriteBytes(".lycheeignore", "# gone\r\n\r\n^legacy/\r\n   # indented comment\n  ^spaced\n^tail \n\\.pdf$"u8.ToArray());

        var report = await CheckAsync("[a](legacy/a.md) [b](manual.pdf) [c](spaced.md) [d](tail.md)\n");

        Assert.Equal("excluded by .lycheeignore line 3", Result(report, "legacy/a.md").Message);
        Assert.Equal("excluded by .lycheeignore line 7", Result(report, "manual.pdf").Message);
        Assert.Equal(LinkStatus.Broken, Result(report, "spaced.md").Status);
        Assert.Equal(LinkStatus.Broken, Result(report, "tail.md").Status);
    }

    [Fact]
    public async Task LycheeIgnore_NextToALinkcheckIgnore_IsNotRead()
    {
        _repo.Write(".linkcheckignore", "^ours/\n");
        _repo.Write(".lycheeignore", "^theirs/\n");

        var report = await CheckAsync("[a](ours/a.md) [b](theirs/b.md)\n");

        Assert.Equal("excluded by .linkcheckignore line 1", Result(report, "ours/a.md").Message);
        Assert.Equal(LinkStatus.Broken, Result(report, "theirs/b.md").Status);
    }

    [Fact]
    public async Task LycheeIgnore_NotUtf8_NamesTheLine()
    {
        _repo.WriteBytes(".lycheeignore", [.. "^ok\n"u8, 0x66, 0xFF, 0x0A]);

        var error = await Assert.ThrowsAsync<LinkCheckConfigurationException>(() => CheckAsync("[a](a.md)\n"));

        Assert.StartsWith(".lycheeignore:2: not valid UTF-8", error.Message, StringComparison.Ordinal);
    }
}
