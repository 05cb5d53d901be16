using System.Globalization;
using LinkCheck.Core.Model;
using LinkCheck.Core.Reporting;

namespace LinkCheck.Cli.GitHubActions;

/// <summary>
/// The job log in GitHub Actions: one annotation per finding (within GitHub's caps, most useful first), a notice
/// saying how many were left out, then the ordinary text report wrapped in <c>::stop-commands::</c> so that no
/// path, URL or link text from the repository can be taken for a workflow command.
/// </summary>
internal sealed class GitHubLogReporter : IReporter
{
    private readonly TextWriter _writer;
    private readonly TextReportOptions _textOptions;
    private readonly IReadOnlySet<string>? _changedFiles;
    private readonly bool _annotate;
    private readonly string _elsewhere;
    private readonly Func<string> _newToken;

    /// <summary>Creates the reporter.</summary>
    /// <param name="writer">Standard output of the step.</param>
    /// <param name="textOptions">How the text report is written.</param>
    /// <param name="annotate">Emit annotations (the <c>annotations</c> input).</param>
    /// <param name="changedFiles">Files the change touched, annotated first.</param>
    /// <param name="elsewhere">Where the findings left out can be read ("the job summary", ...).</param>
    /// <param name="newToken">Creates the stop-commands token (random; tests fix it).</param>
    public GitHubLogReporter(TextWriter writer, TextReportOptions textOptions, bool annotate, IReadOnlySet<string>? changedFiles, string elsewhere, Func<string>? newToken = null)
    {
        _writer = writer;
        _textOptions = textOptions;
        _annotate = annotate;
        _changedFiles = changedFiles;
        _elsewhere = elsewhere;
        _newToken = newToken ?? WorkflowCommands.NewStopToken;
    }

    /// <inheritdoc />
    public async Task ReportAsync(CheckReport report, CancellationToken cancellationToken)
    {
        if (_annotate)
        {
            var plan = AnnotationPlan.For(report, _changedFiles);
            foreach (var (result, isError) in plan.Shown)
            {
                var location = result.Location;
                await _writer.WriteLineAsync(WorkflowCommands.Annotation(
                    isError ? "error" : "warning",
                    location.File,
                    location.Line,
                    result.Url is null ? null : location.Column,
                    result.Url is null ? null : location.EndColumn,
                    AnnotationPlan.TitleOf(result),
                    AnnotationPlan.MessageOf(result))).ConfigureAwait(false);
            }

            if (plan.Omitted > 0)
            {
                await _writer.WriteLineAsync(WorkflowCommands.Annotation(
                    "notice", null, null, null, null, "linkcheck",
                    string.Create(CultureInfo.InvariantCulture, $"{plan.Omitted} more findings were not annotated: GitHub shows at most {AnnotationPlan.MaxPerLevel} error and {AnnotationPlan.MaxPerLevel} warning annotations per step. All of them are in {_elsewhere}."))).ConfigureAwait(false);
            }
        }

        var token = _newToken();
        await _writer.WriteLineAsync(WorkflowCommands.StopCommands(token)).ConfigureAwait(false);
        await new TextReporter(_writer, _textOptions).ReportAsync(report, cancellationToken).ConfigureAwait(false);
        await _writer.WriteLineAsync(WorkflowCommands.ResumeCommands(token)).ConfigureAwait(false);
        await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
