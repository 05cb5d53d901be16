using LinkCheck.Core.Model;
using LinkCheck.Core.Reporting;

namespace LinkCheck.Core.Tests.Reporting;

public class TextReporterTests
{
    private static readonly CheckReport Report = BuildReport();

    private static CheckReport BuildReport()
    {
        LinkOccurrence At(string file, int line, int column, string url) => new(new SourceLocation(file, line, column, column + url.Length - 1), url, "text", LinkKind.Link);
        List<LinkResult> results =
        [
            LinkResult.For(At("README.md", 3, 5, "docs/Setup.md"), LinkStatus.Broken, "file not found: docs/Setup.md", "docs/setup.md"),
            LinkResult.For(At("README.md", 4, 1, "docs/setup.md"), LinkStatus.Ok, null),
            LinkResult.For(At("README.md", 9, 12, "#Intro"), LinkStatus.Warning, "#Intro differs in case from the anchor #intro", "#intro"),
            LinkResult.FileError(SourceLocation.StartOf("bad.md"), "binary file (contains NUL bytes), not markdown"),
            LinkResult.For(At("docs/a.md", 2, 3, "https://example.com"), LinkStatus.Skipped, "external link not checked (offline)"),
        ];
        return new CheckReport(results, CheckSummary.From(results, 3, 4, TimeSpan.FromMilliseconds(42)), ["README.md", "bad.md", "docs/a.md"])
        {
            Notes = ["linked: not followed, the symbolic link points outside the repository"],
        };
    }

    private static async Task<string> RenderAsync(TextReportOptions options, CheckReport? report = null)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        await new TextReporter(writer, options).ReportAsync(report ?? Report, CancellationToken.None);
        return writer.ToString();
    }

    [Fact]
    public async Task Report_Normal_GroupsProblemsByFileWithJumpableLocations()
    {
        const string expected = """
            README.md
              README.md:3:5: broken: docs/Setup.md
                  file not found: docs/Setup.md
                  did you mean docs/setup.md?
              README.md:9:12: warning: #Intro
                  #Intro differs in case from the anchor #intro
                  did you mean #intro?

            bad.md
              bad.md:1:1: error: binary file (contains NUL bytes), not markdown

            3 files, 4 links (4 unique): 1 ok, 1 broken, 1 warning, 1 skipped, 0 excluded, 1 error in 42 ms

            """;
        Assert.Equal(expected, await RenderAsync(new TextReportOptions()));
    }

    [Fact]
    public async Task Report_Quiet_PrintsOnlyFailuresWithoutSummary()
    {
        const string expected = """
            README.md:3:5: broken: docs/Setup.md
                file not found: docs/Setup.md
                did you mean docs/setup.md?
            bad.md:1:1: error: binary file (contains NUL bytes), not markdown

            """;
        Assert.Equal(expected, await RenderAsync(new TextReportOptions(Verbosity: Verbosity.Quiet)));
    }

    [Fact]
    public async Task Report_Verbose_PrintsEveryLinkAndNotes()
    {
        var text = await RenderAsync(new TextReportOptions(Verbosity: Verbosity.Verbose));
        Assert.StartsWith("note: linked: not followed", text, StringComparison.Ordinal);
        Assert.Contains("  README.md:4:1: ok: docs/setup.md\n", text, StringComparison.Ordinal);
        Assert.Contains("  docs/a.md:2:3: skipped: https://example.com\n      external link not checked (offline)\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_Color_PaintsStatusesAndSummary()
    {
        var text = await RenderAsync(new TextReportOptions(Color: true));
        Assert.Contains("README.md:3:5: \u001b[31mbroken\u001b[0m: docs/Setup.md", text, StringComparison.Ordinal);
        Assert.Contains("\u001b[33mwarning\u001b[0m", text, StringComparison.Ordinal);
        Assert.Contains("\u001b[31m1 broken\u001b[0m", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', await RenderAsync(new TextReportOptions(Color: false)));
    }

    [Fact]
    public async Task Report_HostileRepositoryText_IsEscapedForTheTerminal()
    {
        var evil = new LinkOccurrence(new SourceLocation("a\u001b]0;pwned\u0007.md", 1, 1, 1), "x\u001b[2J\u202Etxt.md", "", LinkKind.Link);
        List<LinkResult> results = [LinkResult.For(evil, LinkStatus.Broken, "file not found: x\u001b[2J")];
        var report = new CheckReport(results, CheckSummary.From(results, 1, 1, TimeSpan.Zero), [evil.Location.File]);

        var text = await RenderAsync(new TextReportOptions(), report);

        Assert.DoesNotContain('\u001b', text);
        Assert.DoesNotContain('\u0007', text);
        Assert.DoesNotContain('\u202E', text);
        Assert.Contains(@"a\u{1B}]0;pwned\u{7}.md:1:1: broken: x\u{1B}[2J\u{202E}txt.md", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_VerboseOkLinkWithDetail_ShowsItOnTheSameLine()
    {
        var ok = new LinkOccurrence(new SourceLocation("a.md", 1, 2, 20), "https://example.com", "site", LinkKind.Link);
        List<LinkResult> results = [LinkResult.For(ok, LinkStatus.Ok, "200 in 120 ms")];
        var report = new CheckReport(results, CheckSummary.From(results, 1, 1, TimeSpan.Zero), ["a.md"]);

        var text = await RenderAsync(new TextReportOptions(Verbosity: Verbosity.Verbose), report);

        Assert.Contains("  a.md:1:2: ok: https://example.com (200 in 120 ms)\n\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_DisplayPath_NamesFilesFromTheCurrentDirectory()
    {
        var text = await RenderAsync(new TextReportOptions { DisplayPath = p => "../" + p });
        Assert.StartsWith("../README.md\n  ../README.md:3:5: broken: docs/Setup.md\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_LeftOutFiles_AreCountedAboveTheSummary()
    {
        var text = await RenderAsync(new TextReportOptions(), Report with { LeftOut = new LeftOut(2, 1, 0, 3) });
        Assert.Contains("\nleft out: 2 files and 1 folder ignored by git, 3 folders matching --exclude-path\n3 files, 4 links (4 unique):", text, StringComparison.Ordinal);
    }
}
