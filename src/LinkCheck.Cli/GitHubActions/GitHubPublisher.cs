using System.Text;
using LinkCheck.Cli.Configuration;
using LinkCheck.Core;
using LinkCheck.Core.Fixing;
using LinkCheck.Core.Model;
using LinkCheck.Core.Reporting;
using LinkCheck.Core.Resolution.GitHub;

namespace LinkCheck.Cli.GitHubActions;

/// <summary>
/// Puts a finished report where people look on GitHub: the job summary, the sticky pull request comment, fix
/// suggestions on the diff, the check run, the link-rot issue, and the action's outputs; each only when the run's
/// options ask for it.
/// </summary>
internal sealed class GitHubPublisher
{
    private readonly RunOptions _run;
    private readonly CliEnvironment _environment;
    private readonly bool _fixApplied;

    /// <param name="run">The run's options.</param>
    /// <param name="environment">The process environment (the runner's variables).</param>
    /// <param name="fixApplied">True after <c>--fix</c>: the fixes are written, so none are suggested.</param>
    public GitHubPublisher(RunOptions run, CliEnvironment environment, bool fixApplied)
    {
        _run = run;
        _environment = environment;
        _fixApplied = fixApplied;
    }

    /// <summary>The job summary, the sticky pull request comment and the check run, each when asked for.</summary>
    public async Task PublishAsync(CheckReport report, GitHubContext? gitHub, GitHubApi? api, bool inActions, List<string> notices, CancellationToken cancellationToken)
    {
        var footer = new List<string>();
        if (report.Selection is { } selection)
        {
            footer.Add($"Checked {selection.Count} files that the change touched or that link to what it touched:");
            footer.Add(string.Join('\n', selection.Select(f => $"- {MarkdownText.Escape(f.Path)}: {MarkdownText.Escape(f.Reason)}")));
        }

        var plan = AnnotationPlan.For(report);
        if (inActions && _run.Annotations && plan.Omitted > 0)
        {
            footer.Add($"_{plan.Omitted} findings are not annotated on the diff: GitHub shows at most {AnnotationPlan.MaxPerLevel} error and {AnnotationPlan.MaxPerLevel} warning annotations per step{(_run.CheckRun ? "; the check run has all of them" : string.Empty)}._");
        }

        // Fixes as suggested changes on the pull request (not after --fix, which has already written them).
        if (_run.SuggestFixes && api is not null && gitHub?.PullRequestNumber is not null && !_fixApplied && !report.Partial)
        {
            var fixes = LinkFixer.Plan(report, _run.Check.RootDirectory);
            if (fixes.FixCount > 0)
            {
                var (elsewhere, message) = await DegradeAsync(
                    "the suggested fixes",
                    () => new FixSuggestions(api).PublishAsync(fixes, gitHub, cancellationToken),
                    () => ([.. fixes.Files.SelectMany(f => f.Changes.Select(c => (f.Path, Change: c)))], string.Empty)).ConfigureAwait(false);
                notices.Add(message);
                if (elsewhere.Count > 0)
                {
                    footer.Add("Fixes linkcheck can make (run `linkcheck --fix`, or commit the suggestions on the diff):");
                    footer.Add(string.Join('\n', elsewhere.SelectMany(e => e.Change.Fixes).Select(f =>
                        $"- {MarkdownText.Escape(f.Location.ToString())}: {MarkdownText.Code(f.Before)} → {MarkdownText.Code(f.After)}")));
                }
            }
        }

        if (inActions && _run.JobSummary && _environment.GetVariable("GITHUB_STEP_SUMMARY") is { Length: > 0 } summary)
        {
            await DegradeAsync(
                "the job summary",
                async () =>
                {
                    await new JobSummaryReporter(summary, gitHub, () => footer).ReportAsync(report, cancellationToken).ConfigureAwait(false);
                    return true;
                },
                () => false).ConfigureAwait(false);
        }

        // A cancelled run (report.Partial) has seconds left: the pull request comment and the check run keep the
        // last complete run's state rather than wait on the network.
        if (report.Partial)
        {
            if ((_run.PrComment && gitHub?.PullRequestNumber is not null) || (_run.CheckRun && gitHub is not null))
            {
                notices.Add("the run was cancelled: the pull request comment and the check run are left as they were");
            }

            return;
        }

        if (_run.PrComment && gitHub?.PullRequestNumber is not null)
        {
            if (api is null)
            {
                notices.Add("no GitHub token: the pull request comment is skipped (annotations and the job summary still report everything)");
            }
            else
            {
                var (_, message) = await DegradeAsync(
                    "the pull request comment",
                    () => new PullRequestComment(api).PublishAsync(report, gitHub, footer, cancellationToken),
                    () => (CommentOutcome.NotAllowed, string.Empty)).ConfigureAwait(false);
                notices.Add(message);
            }
        }

        if (_run.CheckRun && gitHub is not null)
        {
            notices.Add(api is null
                ? "no GitHub token: no check run"
                : await DegradeAsync("the check run", () => new CheckRunPublisher(api).PublishAsync(report, gitHub, cancellationToken), () => string.Empty).ConfigureAwait(false));
        }

        if (_run.ReportIssue)
        {
            notices.Add(gitHub is null || api is null
                ? "no GitHub repository or token: the link-rot issue is skipped"
                : await DegradeAsync(
                    "the link-rot issue",
                    async () => (await new LinkRotIssue(api).PublishAsync(report, gitHub, RunUrl(gitHub), cancellationToken).ConfigureAwait(false)).Message,
                    () => string.Empty).ConfigureAwait(false));
        }

        notices.RemoveAll(string.IsNullOrEmpty);
    }

    /// <summary>The workflow run's page, {server}/{repository}/actions/runs/{GITHUB_RUN_ID}, when the runner says which run this is.</summary>
    private Uri? RunUrl(GitHubContext gitHub) =>
        gitHub.Repository is { } repository && _environment.GetVariable("GITHUB_RUN_ID") is { Length: > 0 } id && id.All(char.IsAsciiDigit)
            ? new Uri($"{gitHub.ServerUrl.AbsoluteUri.TrimEnd('/')}/{repository}/actions/runs/{id}")
            : null;

    /// <summary>The action's outputs, and the JSON report in the runner's temp directory (never in the workspace).</summary>
    public async Task WriteOutputsAsync(CheckReport report, int exitCode, CancellationToken cancellationToken)
    {
        var path = Path.Combine(ActionEnvironment.TempDirectory(_environment), "linkcheck-report.json");
        var written = await DegradeAsync(
            "the JSON report file",
            async () =>
            {
                await using (var file = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
                {
                    await new JsonReporter(file, LinkCheckVersion.Current).ReportAsync(report, cancellationToken).ConfigureAwait(false);
                }

                return true;
            },
            () => false).ConfigureAwait(false);

        var s = report.Summary;
        string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await DegradeAsync(
            "the step outputs",
            () =>
            {
                ActionEnvironment.WriteOutputs(_environment,
                [
                    ("broken", Number(s.Broken + s.Errors)),
                    ("warnings", Number(report.WarningCount)),
                    ("checked", Number(s.Ok + s.Broken + s.Warnings + s.Unverified)),
                    ("report", written ? path : string.Empty),
                    ("exit-code", Number(exitCode)),
                ]);
                return Task.FromResult(true);
            },
            () => false).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs one publishing step; when it fails (the API refuses connections or answers nonsense, a runner file is a
    /// directory or a full device), a warning names the step and the run goes on: the links' verdicts decide the
    /// exit code, not the reporting channels (issue 9). Exception text is not shown: it can quote requests and data.
    /// </summary>
    private async Task<T> DegradeAsync<T>(string what, Func<Task<T>> step, Func<T> fallback)
    {
        string problem;
        try
        {
            return await step().ConfigureAwait(false);
        }
        catch (Octokit.ApiException e)
        {
            problem = $"the GitHub API answered {(int)e.StatusCode}";
        }
        catch (HttpRequestException)
        {
            problem = "cannot reach the GitHub API";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = $"cannot write the file ({e.GetType().Name})";
        }
#pragma warning disable CA1031 // A reporting channel never decides the run's outcome.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            problem = e.GetType().Name;
        }

        var message = $"{what} was not published: {problem}";
        await (ActionEnvironment.IsGitHubActions(_environment)
            ? _environment.Out.WriteLineAsync(WorkflowCommands.Annotation("warning", null, null, null, null, "linkcheck", message))
            : _environment.Error.WriteLineAsync("linkcheck: warning: " + message)).ConfigureAwait(false);
        return fallback();
    }
}
