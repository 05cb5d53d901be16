using LinkCheck.Cli.GitHubActions;
using LinkCheck.Core.Model;
using LinkCheck.Core.Reporting;
using LinkCheck.Core.Resolution.GitHub;

namespace LinkCheck.Cli.Tests.GitHubActions;

public class MarkdownReportTests
{
    private static readonly GitHubContext Context = new() { Repository = "octo/docs", Sha = "abc123" };

    [Theory]
    [InlineData("a|b", "a\\|b")]
    [InlineData("`code`", "\\`code\\`")]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert\\(1\\)&lt;/script&gt;")]
    [InlineData("[x](javascript:1)", "\\[x\\]\\(javascript:1\\)")]
    [InlineData("@everyone\nnext", "@\u2060everyone next")]
    public void Escape_NeutralisesMarkdownAndHtml(string input, string expected) =>
        Assert.Equal(expected, MarkdownText.Escape(input));

    [Fact]
    public void Render_GroupsBrokenLinksByFileWithLinksToTheLineAtTheCommit()
    {
        List<LinkResult> results =
        [
            LinkResult.For(new LinkOccurrence(new SourceLocation("docs/a b.md", 12, 3, 9), "x|y.md", "", LinkKind.Link), LinkStatus.Broken, "file not found: docs/x|y.md", "x.md"),
            LinkResult.For(new LinkOccurrence(new SourceLocation("docs/c.md", 4, 1, 2), "#Top", "", LinkKind.Link), LinkStatus.Warning, "case differs"),
        ];
        var report = new CheckReport(results, CheckSummary.From(results, 2, 2, TimeSpan.Zero), ["docs/a b.md", "docs/c.md"]);

        var text = MarkdownReport.Render(report, new MarkdownReport.Options(65_000, Context));

        Assert.StartsWith("## linkcheck: 1 broken link\n", text, StringComparison.Ordinal);
        Assert.Contains("**docs/a b.md**", text, StringComparison.Ordinal);
        Assert.Contains("| [12](https://github.com/octo/docs/blob/abc123/docs/a%20b.md#L12) | <code>x\\|y.md</code> | file not found: docs/x\\|y.md | <code>x.md</code> |", text, StringComparison.Ordinal);
        Assert.Contains("<details>\n<summary>1 warning</summary>", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_TooManyFindings_StaysUnderTheLimitWithANote()
    {
        var results = Enumerable.Range(1, 5000)
            .Select(i => LinkResult.For(new LinkOccurrence(new SourceLocation($"docs/file-{i % 50}.md", i, 1, 40), $"https://example.com/a/very/long/path/{i}", "", LinkKind.Link), LinkStatus.Broken, "404 Not Found"))
            .ToList();
        var report = new CheckReport(results, CheckSummary.From(results, 50, 5000, TimeSpan.Zero), []);

        var text = MarkdownReport.Render(report, new MarkdownReport.Options(65_536, Context));

        Assert.True(text.Length <= 65_536, $"{text.Length} characters");
        Assert.Matches(@"_\d+ more findings not shown: this text is limited to 64 KB\. The JSON report has all of them\._", text);
    }

    [Fact]
    public async Task JobSummary_IsAppendedAndNeverOverOneMebibyte()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("summary.md", "earlier step\n");
        var results = Enumerable.Range(1, 40_000)
            .Select(i => LinkResult.For(new LinkOccurrence(new SourceLocation("docs/日本語/ファイル.md", i, 1, 40), $"https://例え.jp/パス/{i}", "", LinkKind.Link), LinkStatus.Broken, "404 Not Found"))
            .ToList();
        var report = new CheckReport(results, CheckSummary.From(results, 1, results.Count, TimeSpan.Zero), []);

        await new JobSummaryReporter(path, Context).ReportAsync(report, CancellationToken.None);

        var written = await File.ReadAllBytesAsync(path);
        Assert.StartsWith("earlier step\n## linkcheck", System.Text.Encoding.UTF8.GetString(written), StringComparison.Ordinal);
        Assert.True(written.Length <= JobSummaryReporter.MaxBytes, $"{written.Length} bytes");
    }
}
