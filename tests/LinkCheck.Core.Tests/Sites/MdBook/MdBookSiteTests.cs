using LinkCheck.Core.Model;
using LinkCheck.Core.Tests.Sites.Harness;

namespace LinkCheck.Core.Tests.Sites.MdBook;

/// <summary>
/// The mdBook fixture, judged as mdBook v0.5.4 renders it. mdBook is not packaged for Debian and crates.io is not
/// reachable here, so there is no real-generator build: each expected verdict follows from mdBook's source
/// (<c>html/tree.rs</c> <c>fix_link</c>, the <c>index</c> preprocessor, <c>hbs_renderer.rs</c>, <c>utils.rs</c> ids).
/// </summary>
public class MdBookSiteTests
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "TestData", "Sites", "mdbook");

    private static readonly Lazy<Task<CheckReport>> Report = new(() =>
    {
        var scratch = Directory.CreateTempSubdirectory("linkcheck-mdbook-").FullName;
        CopyTree(Fixture, scratch);
        Directory.CreateDirectory(Path.Combine(scratch, ".git"));
        return SiteCheck.RunAsync(scratch);
    });

    [Theory]
    [InlineData("D01", LinkStatus.Ok, null)] // x.md becomes x.html
    [InlineData("D02", LinkStatus.Ok, null)] // x.html reaches x.md's page
    [InlineData("D03", LinkStatus.Ok, null)] // a repeated heading gets -1
    [InlineData("D04", LinkStatus.Broken, "spells the heading 'a -- b' as #a--b")] // smart punctuation turned -- into a dash, which the id drops
    [InlineData("D05", LinkStatus.Ok, null)]
    [InlineData("D06", LinkStatus.Broken, "not a chapter of src/SUMMARY.md")]
    [InlineData("D07", LinkStatus.Broken, "mdBook renders src/guide/README.md at /book/guide/index.html")]
    [InlineData("D08", LinkStatus.Ok, null)]
    [InlineData("D09", LinkStatus.Ok, null)]
    [InlineData("D10", LinkStatus.Broken, "no page is published at /book/nowhere.html")]
    [InlineData("D11", LinkStatus.Ok, null)] // [output.html.redirect]
    [InlineData("D12", LinkStatus.Skipped, "not published by this site")] // theme pages are not modelled
    [InlineData("D13", LinkStatus.Ok, null)]
    [InlineData("D14", LinkStatus.Ok, null)] // {#custom}
    [InlineData("D15", LinkStatus.Ok, null)] // Unicode lower-casing
    [InlineData("D20", LinkStatus.Broken, "mdBook renders src/README.md at /book/index.html")]
    [InlineData("D21", LinkStatus.Ok, null)] // the first chapter is index.html
    [InlineData("D22", LinkStatus.Ok, null)]
    [InlineData("D23", LinkStatus.Broken, "no heading or anchor #setup-guide-2")]
    [InlineData("D24", LinkStatus.Ok, null)] // {{#include parts/shared.md}} brings its heading into the chapter
    [InlineData("D25", LinkStatus.Ok, null)] // ... also for a link from another chapter
    [InlineData("D26", LinkStatus.Broken, "no heading or anchor #not-shared")]
    [InlineData("D30", LinkStatus.Ok, null)]
    [InlineData("D31", LinkStatus.Ok, null)]
    [InlineData("D40", LinkStatus.Broken, "mdBook renders src/guide/README.md at /book/guide/index.html")]
    [InlineData("D41", LinkStatus.Ok, null)]
    [InlineData("D42", LinkStatus.Skipped, "outside this site's base path")] // ../../std/ from /book/guide/
    [InlineData("D50", LinkStatus.Ok, null)] // an unlisted page is read on GitHub: the file exists
    [InlineData("D90", LinkStatus.Ok, null)] // the README beside book.toml is read on GitHub
    [InlineData("D91", LinkStatus.Broken, null)] // ... where src/chapter_1.html is no file
    public async Task Check_Fixture_JudgesEachLinkAsMdBookRendersIt(string key, LinkStatus expected, string? message)
    {
        var report = await Report.Value;

        var result = Assert.Single(report.Results, r => r.Text.StartsWith(key + " ", StringComparison.Ordinal));
        Assert.True(expected == result.Status, $"{key} {result.Url}: expected {expected}, got {result.Status} ({result.Message})");
        if (message is not null)
        {
            Assert.Contains(message, result.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Check_Fixture_NamesTheBookInTheSummary()
    {
        var report = await Report.Value;

        Assert.Contains(report.Sites, s => s.Info.Generator == "mdbook" && s.Info.Root.Length == 0 && s.Info.BasePath == "/book/");
    }

    [Fact]
    public async Task Check_BookWithoutSiteUrl_SkipsLinksThatClimbAboveItsRoot()
    {
        using var scratch = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(scratch.Root, ".git"));
        Directory.CreateDirectory(Path.Combine(scratch.Root, "src"));
        File.WriteAllText(Path.Combine(scratch.Root, "book.toml"), "[book]\ntitle = \"t\"\n");
        File.WriteAllText(Path.Combine(scratch.Root, "src", "SUMMARY.md"), "- [One](one.md)\n");
        File.WriteAllText(Path.Combine(scratch.Root, "src", "one.md"), "# One\n\n[S01 std](../std/index.html) [S02 self](one.html#one)\n");

        var report = await SiteCheck.RunAsync(scratch.Root);

        var std = Assert.Single(report.Results, r => r.Text.StartsWith("S01", StringComparison.Ordinal));
        Assert.Equal(LinkStatus.Skipped, std.Status);
        Assert.Contains("climbs above the book's root", std.Message, StringComparison.Ordinal);
        Assert.Equal(LinkStatus.Ok, Assert.Single(report.Results, r => r.Text.StartsWith("S02", StringComparison.Ordinal)).Status);
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
