using LinkCheck.Core.Model;
using LinkCheck.Core.Resolution.GitHub;

namespace LinkCheck.Core.Reporting;

/// <summary><c>--format markdown</c>: the same markdown as the job summary, for other CI systems and wikis.</summary>
public sealed class MarkdownReporter : IReporter
{
    private readonly TextWriter _writer;
    private readonly GitHubContext? _context;

    /// <summary>Creates the reporter; with a GitHub context, line numbers link to the lines at the commit.</summary>
    public MarkdownReporter(TextWriter writer, GitHubContext? context = null)
    {
        _writer = writer;
        _context = context;
    }

    /// <inheritdoc />
    public async Task ReportAsync(CheckReport report, CancellationToken cancellationToken)
    {
        var text = MarkdownReport.Render(report, new MarkdownReport.Options(int.MaxValue / 2, _context, "#"));
        await _writer.WriteAsync(text.AsMemory(), cancellationToken).ConfigureAwait(false);
        await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
