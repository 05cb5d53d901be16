using LinkCheck.Cli.GitHubActions;
using LinkCheck.Core.Model;
using LinkCheck.Core.Reporting;
using LinkCheck.Core.Resolution;

namespace LinkCheck.Cli.Tests.GitHubActions;

public class GitHubLogReporterTests
{
    private static LinkResult Broken(string file, int line, string url) =>
        LinkResult.For(new LinkOccurrence(new SourceLocation(file, line, 3, 3 + url.Length - 1), url, "t", LinkKind.Link), LinkStatus.Broken, "file not found: " + url);

    private static CheckReport Report(IReadOnlyList<LinkResult> results) =>
        new(results, CheckSummary.From(results, 1, results.Count, TimeSpan.Zero), ["a.md"]);

    private static async Task<string> RenderAsync(CheckReport report, IReadOnlySet<string>? changed = null)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        await new GitHubLogReporter(writer, new TextReportOptions(Verbosity: Verbosity.Quiet), annotate: true, changed, "the job summary", () => "linkcheck-TOKEN").ReportAsync(report, CancellationToken.None);
        return writer.ToString();
    }

    [Fact]
    public async Task Report_HostileRepositoryText_IsEscapedAndTheTextReportCannotRunCommands()
    {
        var hostile = LinkResult.For(
            new LinkOccurrence(new SourceLocation("a%0A::add-mask::x.md", 2, 4, 20), "https://h/::warning::pwned\n::stop-commands::x", "t", LinkKind.Link),
            LinkStatus.Broken,
            "no anchor ###[group]",
            "ok.md");

        var text = await RenderAsync(Report([hostile]));

        const string Expected = """
            ::error file=a%250A%3A%3Aadd-mask%3A%3Ax.md,line=2,col=4,endColumn=20,title=Broken link::https://h/::warning::pwned%0A::stop-commands::x: no anchor ###[group] (did you mean ok.md?)
            ::stop-commands::linkcheck-TOKEN
            a%0A::add-mask::x.md:2:4: broken: https://h/::warning::pwned\u{A}::stop-commands::x
                no anchor ###[group]
                did you mean ok.md?
            ::linkcheck-TOKEN::

            """;
        Assert.Equal(Expected, text);
    }

    [Fact]
    public async Task Report_MoreThanTheCaps_AnnotatesChangedFilesAndErrorsFirstAndSaysHowManyWereLeftOut()
    {
        var results = new List<LinkResult>();
        for (var i = 1; i <= 15; i++)
        {
            results.Add(Broken("old.md", i, $"x{i}.md"));
        }

        results.Add(Broken("changed.md", 1, "y.md"));
        for (var i = 1; i <= 12; i++)
        {
            results.Add(LinkResult.For(new LinkOccurrence(new SourceLocation("old.md", 100 + i, 1, 2), "#w", "", LinkKind.Link), LinkStatus.Warning, "case differs"));
        }

        var text = await RenderAsync(Report(results), new HashSet<string> { "changed.md" });
        var annotations = text.Split('\n').Where(l => l.StartsWith("::error", StringComparison.Ordinal) || l.StartsWith("::warning", StringComparison.Ordinal)).ToList();

        Assert.Equal(20, annotations.Count);
        Assert.StartsWith("::error file=changed.md,", annotations[0], StringComparison.Ordinal);
        Assert.Equal(10, annotations.Count(a => a.StartsWith("::error", StringComparison.Ordinal)));
        Assert.Equal(10, annotations.Count(a => a.StartsWith("::warning", StringComparison.Ordinal)));
        Assert.Contains("::notice title=linkcheck::8 more findings were not annotated: GitHub shows at most 10 error and 10 warning annotations per step. All of them are in the job summary.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_UnverifiedFollowsThePolicy()
    {
        var unverified = LinkResult.For(new LinkOccurrence(new SourceLocation("a.md", 1, 1, 1), "https://x", "", LinkKind.Link), LinkStatus.Unverified, "999");
        var report = Report([unverified]);
        Assert.False(Assert.Single(AnnotationPlan.For(report).Shown).IsError);
        Assert.True(Assert.Single(AnnotationPlan.For(report with { Unverified = UnverifiedPolicy.Fail }).Shown).IsError);
        Assert.Empty(AnnotationPlan.For(report with { Unverified = UnverifiedPolicy.Ignore }).Shown);
    }
}
