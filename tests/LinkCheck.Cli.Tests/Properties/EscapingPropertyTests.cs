using CsCheck;
using LinkCheck.Cli.GitHubActions;
using LinkCheck.Core.Resolution.GitHub;
using LinkCheck.Core.Model;
using LinkCheck.Core.Reporting;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace LinkCheck.Cli.Tests.Properties;

/// <summary>
/// Repository text, however hostile, never acts as a workflow command, never breaks out of a table cell, a code
/// element or a <c>&lt;details&gt;</c> block, and never forges the PR comment's marker.
/// </summary>
public class EscapingPropertyTests
{
    private const int Iterations = 300;

    // GitHub renders comments and summaries as GFM: pipe tables, raw HTML, autolinks.
    // Pipe tables as GitHub has them. Markdig's extended autolinks (UseAutoLinks) are left out: they keep a trailing
    // '*' in the link, which GFM's extended autolinks do not (GFM spec 6.9, trailing punctuation), so a file named
    // like a URL inside the bold file header looked broken to Markdig and not to GitHub (seed 7CMSfSvivKe1).
    // CommonMark's own <...> autolinks are still parsed and still must not appear.
    private static readonly MarkdownPipeline Gfm = new MarkdownPipelineBuilder().UsePipeTables().Build();

    private static readonly Gen<LinkResult> HostileResult = Gen.Select(
        HostileText.NonEmpty, HostileText.Any, HostileText.Any, HostileText.Any, Gen.Int[1, 3], Gen.Bool,
        (file, url, message, suggestion, status, hasSuggestion) => LinkResult.For(
            new LinkOccurrence(new SourceLocation(file, 3, 4, 9), url, url, LinkKind.Link),
            status == 1 ? LinkStatus.Broken : status == 2 ? LinkStatus.Warning : LinkStatus.Error,
            message,
            hasSuggestion ? suggestion : null));

    [Fact]
    public void Annotation_AnyRepositoryText_IsOneLineWhosePropertiesAndMessageReadBackExactly() =>
        Gen.Select(HostileText.Any, HostileText.Any, HostileText.Any).Sample((file, title, message) =>
        {
            var line = WorkflowCommands.Annotation("error", file, 3, 4, 9, title, message);

            Assert.DoesNotContain('\n', line);
            Assert.DoesNotContain('\r', line);
            Assert.StartsWith("::error ", line, StringComparison.Ordinal);

            // The runner's parser (actions/runner ActionCommand.TryParseV2): properties end at the first "::" after
            // the command name, are split on ',' and each on its first '='; then values and data are unescaped.
            var end = line.IndexOf("::", 2, StringComparison.Ordinal);
            var properties = line[("::error ".Length)..end].Split(',');
            var expected = new List<(string, string)> { ("line", "3"), ("col", "4"), ("endColumn", "9") };
            if (file.Length > 0)
            {
                expected.Insert(0, ("file", file));
            }

            if (title.Length > 0)
            {
                // Shown text (title, message) has its bidirectional controls escaped (issue 9 point 8); file= stays exact.
                expected.Add(("title", Core.Model.BidiText.Escape(title)));
            }

            Assert.Equal(expected, properties.Select(p => (p[..p.IndexOf('=', StringComparison.Ordinal)], UnescapeProperty(p[(p.IndexOf('=', StringComparison.Ordinal) + 1)..]))));
            Assert.Equal(Core.Model.BidiText.Escape(message), UnescapeData(line[(end + 2)..]));
        }, iter: Iterations, threads: 1);

    [Fact]
    public async Task GitHubLog_AnyRepositoryText_PrintsNoCommandButOurAnnotations()
    {
        await Gen.Select(HostileResult.Array[1, 6], Gen.Int[0, 1000]).SampleAsync(async (results, seed) =>
        {
            var report = new CheckReport(results, CheckSummary.From(results, 1, results.Length, TimeSpan.Zero), [.. results.Select(r => r.Location.File).Distinct()]);
            var token = "linkcheck-token" + seed;
            using var writer = new StringWriter();

            await new GitHubLogReporter(writer, new TextReportOptions(), annotate: true, null, "the job summary", () => token).ReportAsync(report, CancellationToken.None);

            var lines = writer.ToString().Split('\n');
            var stopped = false;
            foreach (var raw in lines)
            {
                var line = raw.TrimEnd('\r').Trim();
                if (stopped)
                {
                    stopped = line != "::" + token + "::";
                    continue;
                }

                if (!line.StartsWith("::", StringComparison.Ordinal))
                {
                    continue;
                }

                if (line == "::stop-commands::" + token)
                {
                    stopped = true;
                    continue;
                }

                Assert.Matches("^::(error|warning|notice) [^\r\n]*$", line);
            }

            Assert.False(stopped, "the log never resumed commands");
        }, iter: 100, threads: 1);
    }

    [Fact]
    public void MarkdownEscape_AnyRepositoryText_StaysOnePlainTableCell() =>
        Gen.Select(HostileText.Any, HostileText.Any).Sample((left, right) =>
        {
            var cells = new[] { MarkdownText.Escape(left), MarkdownText.Code(right) };
            var markdown = $"| a | b |\n|---|---|\n| {cells[0]} | {cells[1]} |\n";

            var document = Markdown.Parse(markdown, Gfm);

            var table = Assert.IsType<Table>(Assert.Single(document));
            Assert.All(table.Cast<TableRow>(), row => Assert.Equal(2, row.Count));
            var inlines = document.Descendants<Inline>().ToList();
            // A bare URL stays a GFM autolink (GitHub links it in any text); nothing else turns into markup.
            Assert.DoesNotContain(inlines, i => i is CodeInline or AutolinkInline or EmphasisInline or LinkInline { IsAutoLink: false });
            Assert.Equal(["<code>", "</code>"], inlines.OfType<HtmlInline>().Select(h => h.Tag));
            Assert.DoesNotContain(PullRequestComment.Marker, markdown, StringComparison.Ordinal);
        }, iter: Iterations, threads: 1);

    [Fact]
    public void MarkdownReport_AnyRepositoryText_KeepsTablesDetailsAndTheMarkerIntact() =>
        HostileResult.Array[1, 8].Sample(results =>
        {
            var report = new CheckReport(results, CheckSummary.From(results, 1, results.Length, TimeSpan.Zero), [.. results.Select(r => r.Location.File).Distinct()]);
            var context = new GitHubContext { Repository = "octo/docs", Sha = "abc123" };

            var text = MarkdownReport.Render(report, new MarkdownReport.Options(PullRequestComment.MaxChars - 100, context, "###", PullRequestComment.Marker));

            Assert.StartsWith(PullRequestComment.Marker + "\n", text, StringComparison.Ordinal);
            Assert.Equal(1, Count(text, PullRequestComment.Marker));
            Assert.Equal(1, Count(text, "<!--"));
            Assert.Equal(Count(text, "<details>"), Count(text, "</details>"));
            var document = Markdown.Parse(text, Gfm);
            foreach (var table in document.Descendants<Table>())
            {
                var columns = ((TableRow)table[0]).Count;
                Assert.All(table.Cast<TableRow>(), row => Assert.Equal(columns, row.Count));
            }

            Assert.DoesNotContain(document.Descendants<Inline>(), i => i is CodeInline or AutolinkInline);

            // The only emphasis is ours: the bold file name that heads each file's table, alone on its line.
            Assert.All(document.Descendants<EmphasisInline>(), e => Assert.True(e.Parent is { FirstChild: var first, LastChild: var last } && first == e && last == e && e.Parent.Parent is null));
            Assert.All(document.Descendants<HtmlInline>(), h => Assert.Contains(h.Tag, new[] { "<code>", "</code>" }));
        }, iter: 200, threads: 1);

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static string UnescapeData(string value) =>
        value.Replace("%0D", "\r", StringComparison.Ordinal).Replace("%0A", "\n", StringComparison.Ordinal).Replace("%25", "%", StringComparison.Ordinal);

    private static string UnescapeProperty(string value) =>
        UnescapeData(value.Replace("%3A", ":", StringComparison.Ordinal).Replace("%2C", ",", StringComparison.Ordinal));
}
