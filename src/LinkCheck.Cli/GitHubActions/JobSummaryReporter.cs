using LinkCheck.Core.Model;
using LinkCheck.Core.Reporting;
using LinkCheck.Core.Resolution.GitHub;

namespace LinkCheck.Cli.GitHubActions;

/// <summary>
/// Appends the markdown report to the step summary file (<c>GITHUB_STEP_SUMMARY</c>), which GitHub shows on the
/// run's page. GitHub accepts at most 1 MiB per step, so the report is cut to fit, with a note.
/// </summary>
internal sealed class JobSummaryReporter : IReporter
{
    /// <summary>GitHub's limit for one step's summary.</summary>
    public const int MaxBytes = 1024 * 1024;

    private readonly string _path;
    private readonly GitHubContext? _context;
    private readonly Func<IReadOnlyList<string>> _footer;

    /// <summary>Creates the reporter; <paramref name="footer"/> adds notes known only at the end (annotations left out).</summary>
    public JobSummaryReporter(string path, GitHubContext? context, Func<IReadOnlyList<string>>? footer = null)
    {
        _path = path;
        _context = context;
        _footer = footer ?? (() => []);
    }

    /// <inheritdoc />
    public Task ReportAsync(CheckReport report, CancellationToken cancellationToken)
    {
        // Rendering counts characters; GitHub counts UTF-8 bytes. Render, measure, and shrink until it fits.
        var footer = _footer();
        var limit = MaxBytes - 1024;
        var chars = limit;
        var text = MarkdownReport.Render(report, new MarkdownReport.Options(chars, _context, Footer: footer));
        for (var bytes = System.Text.Encoding.UTF8.GetByteCount(text); bytes > limit; bytes = System.Text.Encoding.UTF8.GetByteCount(text))
        {
            chars = (int)(chars * (limit / (double)bytes) * 0.95);
            text = MarkdownReport.Render(report, new MarkdownReport.Options(chars, _context, Footer: footer));
        }

        return File.AppendAllTextAsync(_path, text + "\n", cancellationToken);
    }
}
