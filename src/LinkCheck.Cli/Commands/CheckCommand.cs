using System.CommandLine;
using System.Text;
using LinkCheck.Cli.Configuration;
using LinkCheck.Cli.GitHubActions;
using LinkCheck.Core;
using LinkCheck.Core.Changes;
using LinkCheck.Core.Fixing;
using LinkCheck.Core.Model;
using LinkCheck.Core.Reporting;
using LinkCheck.Core.Resolution;
using LinkCheck.Core.Resolution.GitHub;

namespace LinkCheck.Cli.Commands;

/// <summary>The action of the root command: options in, report out, exit code back.</summary>
internal sealed class CheckCommand
{
    private readonly CliOptions _options;
    private readonly ParseResult _parse;
    private readonly CliEnvironment _environment;
    private RunOptions? _run;

    public CheckCommand(CliOptions options, ParseResult parse, CliEnvironment environment)
    {
        _options = options;
        _parse = parse;
        _environment = environment;
    }

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (_parse.GetValue(_options.Import) is { } import)
            {
                await _environment.Out.WriteAsync(ConfigImporter.Import(Path.GetFullPath(import, _environment.CurrentDirectory))).ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            var run = RunOptions.Resolve(_options, _parse, _environment);
            _run = run;
            var checkOptions = run.Check;
            var inActions = ActionEnvironment.IsGitHubActions(_environment);
            foreach (var warning in run.Config?.Warnings ?? [])
            {
                await Notice("warning", warning, inActions).ConfigureAwait(false);
            }

            await using var output = OpenOutput(run.Output);
            var writer = output ?? _environment.Out;
            if (_parse.GetValue(_options.Dump))
            {
                var inventory = new LinkChecker(_environment.Time).Collect(checkOptions, cancellationToken);
                if (run.Format == "json")
                {
                    await LinkDumpWriter.WriteJsonAsync(inventory, writer, LinkCheckVersion.Current, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await LinkDumpWriter.WriteTextAsync(inventory, writer, cancellationToken).ConfigureAwait(false);
                }

                return ExitCodes.Ok;
            }

            // The composition root: one HttpClient for the whole run, created only when the network is used, and
            // the GitHub API client when there is a token (it sends the token to the API host only).
            var token = Token();
            var gitHub = inActions || !string.IsNullOrEmpty(_environment.GetVariable("GITHUB_REPOSITORY"))
                ? ActionEnvironment.Context(_environment, token)
                : null;
            // --offline keeps link checks off the network; publishing the report to GitHub still uses the API.
            var api = gitHub?.Token is { Length: > 0 }
                ? new GitHubApi(GitHubClientFactory.Create(gitHub, _environment.CreateGitHubHandler), _environment.Time)
                : null;
            var notices = new List<string>();
            checkOptions = checkOptions with
            {
                GitHub = gitHub,
                Changes = await ChangesAsync(checkOptions, gitHub, api, notices, cancellationToken).ConfigureAwait(false),
            };

            using var http = checkOptions.Offline ? null : HttpHandlerFactory.CreateClient(_environment.CreateHttpHandler(checkOptions.Http));
            var progress = new ProgressTracker();
            var checker = new LinkChecker(_environment.Time, http, progress, api);
            CheckReport report;
            await using (ProgressDisplay.StartIfWanted(_environment, progress, disabled: !run.Progress))
            {
                report = await checker.CheckAsync(checkOptions, cancellationToken).ConfigureAwait(false);
            }

            foreach (var diagnostic in report.Diagnostics)
            {
                await Notice("warning", diagnostic, inActions).ConfigureAwait(false);
            }

            if (_parse.GetValue(_options.Fix))
            {
                report = await FixAsync(report, checkOptions.RootDirectory, dryRun: _parse.GetValue(_options.DryRun), cancellationToken).ConfigureAwait(false);
            }

            await Reporter(run, writer, output is not null, inActions, api, report).ReportAsync(report, cancellationToken).ConfigureAwait(false);
            await PublishToGitHubAsync(report, gitHub, api, inActions, notices, cancellationToken).ConfigureAwait(false);
            foreach (var notice in notices)
            {
                await Notice("notice", notice, inActions).ConfigureAwait(false);
            }

            var exitCode = report.HasFailures ? ExitCodes.BrokenLinks : ExitCodes.Ok;
            if (inActions)
            {
                await WriteActionOutputsAsync(report, exitCode, cancellationToken).ConfigureAwait(false);
            }

            return exitCode == ExitCodes.BrokenLinks && !run.Fail ? ExitCodes.Ok : exitCode;
        }
        catch (LinkCheckConfigurationException e)
        {
            await _environment.Error.WriteLineAsync("linkcheck: " + TerminalText.Escape(e.Message)).ConfigureAwait(false);
            return ExitCodes.UsageError;
        }
    }

    private RunOptions Run => _run ?? throw new InvalidOperationException("options are not resolved yet");

    /// <summary>The reporter for --format; in Actions, the text report also annotates the diff.</summary>
    private IReporter Reporter(RunOptions run, TextWriter writer, bool toFile, bool inActions, GitHubApi? api, CheckReport report)
    {
        var textOptions = new TextReportOptions(UseColor(toFile), run.Verbosity);
        switch (run.Format)
        {
            case "json":
                return new JsonReporter(writer, LinkCheckVersion.Current);
            case "sarif":
                return new SarifReporter(writer, LinkCheckVersion.Current);
            case "markdown":
                return new MarkdownReporter(writer);
            case "junit":
                return new JUnitReporter(writer);
        }

        if (!inActions || toFile)
        {
            return new TextReporter(writer, textOptions);
        }

        var elsewhere = string.Join(" and ", new[]
        {
            run.JobSummary ? "the job summary" : null,
            run.CheckRun && api is not null ? "the check run" : null,
        }.OfType<string>().DefaultIfEmpty("the report below"));
        var changed = report.Selection?.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        return new GitHubLogReporter(writer, textOptions, annotate: run.Annotations, changed, elsewhere);
    }

    /// <summary>
    /// --fix: rewrites the unambiguous fixes and prints the diff (on standard error when standard output carries a
    /// machine-readable report), then reports what is left. --dry-run prints the same diff and changes nothing.
    /// </summary>
    private async Task<CheckReport> FixAsync(CheckReport report, string root, bool dryRun, CancellationToken cancellationToken)
    {
        var plan = LinkFixer.Plan(report, root);
        var console = Run.Format == "text" || Run.Output is not null ? _environment.Out : _environment.Error;
        await console.WriteAsync(UnifiedDiff.Write(plan).AsMemory(), cancellationToken).ConfigureAwait(false);
        foreach (var skipped in plan.Skipped)
        {
            await console.WriteLineAsync($"linkcheck: not fixed: {TerminalText.Escape(skipped.Result.Location.ToString())}: {TerminalText.Escape(skipped.Result.Url ?? string.Empty)}: {skipped.Reason}").ConfigureAwait(false);
        }

        var files = plan.Files.Count;
        if (plan.FixCount == 0)
        {
            await console.WriteLineAsync("linkcheck: nothing to fix").ConfigureAwait(false);
            return report;
        }

        if (dryRun)
        {
            await console.WriteLineAsync($"linkcheck: would fix {Count(plan.FixCount, "link")} in {Count(files, "file")} (--dry-run: nothing written)").ConfigureAwait(false);
            return report;
        }

        var problems = LinkFixer.Apply(plan, root);
        foreach (var problem in problems)
        {
            await console.WriteLineAsync("linkcheck: " + TerminalText.Escape(problem)).ConfigureAwait(false);
        }

        var unwritten = problems.Count == 0 ? [] : plan.Files.Where(f => problems.Any(p => p.StartsWith(f.Path + ":", StringComparison.Ordinal))).Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var fixedResults = plan.Fixes.Where(f => !unwritten.Contains(f.Location.File)).ToList();
        var fixedCount = fixedResults.Count;
        await console.WriteLineAsync($"linkcheck: fixed {Count(fixedCount, "link")} in {Count(files - unwritten.Count, "file")}").ConfigureAwait(false);

        // The report that follows covers what is left: every occurrence of a rewritten destination is fixed.
        var done = fixedResults.Select(f => f.Location).ToHashSet();
        var remaining = report.Results.Where(r => !(r.Fixable && done.Contains(r.Destination ?? r.Location))).ToList();
        var s = report.Summary;
        return report with
        {
            Results = remaining,
            Summary = CheckSummary.From(remaining, s.Files, s.Unique, s.Duration),
            Notes = [.. report.Notes, $"{Count(report.Results.Count - remaining.Count, "fixed link")} left out of this report"],
        };
    }

    private static string Count(int count, string noun) =>
        count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");

    /// <summary>--github-token, else the action's input, else GITHUB_TOKEN or GH_TOKEN.</summary>
    private string? Token() =>
        new[]
        {
            _parse.GetValue(_options.GitHubToken),
            _environment.GetVariable("INPUT_GITHUB-TOKEN"),
            _environment.GetVariable("GITHUB_TOKEN"),
            _environment.GetVariable("GH_TOKEN"),
        }.FirstOrDefault(t => !string.IsNullOrWhiteSpace(t))?.Trim();

    /// <summary>The change to restrict the run to: --changed-since (git) or --only-changed (the pull request's files).</summary>
    private async Task<ChangeSet?> ChangesAsync(LinkCheckOptions options, GitHubContext? gitHub, GitHubApi? api, List<string> notices, CancellationToken cancellationToken)
    {
        if (Run.ChangedSince is { Length: > 0 } reference)
        {
            return GitProcess.ChangedSince(options.RootDirectory, reference, cancellationToken);
        }

        if (_parse.GetValue(_options.Staged))
        {
            return GitProcess.Staged(options.RootDirectory, cancellationToken);
        }

        if (!Run.OnlyChanged)
        {
            return null;
        }

        if (gitHub?.PullRequestNumber is not { } number || gitHub.Owner is not { } owner || gitHub.Name is not { } name)
        {
            notices.Add("only-changed applies to pull requests: checking every file");
            return null;
        }

        if (api is null)
        {
            notices.Add("only-changed needs a GitHub token to list the pull request's files: checking every file");
            return null;
        }

        try
        {
            return await ChangedFiles.FromPullRequestAsync(api, owner, name, number, cancellationToken).ConfigureAwait(false);
        }
        catch (Octokit.ApiException e)
        {
            notices.Add($"cannot list the pull request's files ({(int)e.StatusCode}): checking every file");
            return null;
        }
    }

    /// <summary>The job summary, the sticky pull request comment and the check run, each when asked for.</summary>
    private async Task PublishToGitHubAsync(CheckReport report, GitHubContext? gitHub, GitHubApi? api, bool inActions, List<string> notices, CancellationToken cancellationToken)
    {
        var footer = new List<string>();
        if (report.Selection is { } selection)
        {
            footer.Add($"Checked {selection.Count} files that the change touched or that link to what it touched:");
            footer.Add(string.Join('\n', selection.Select(f => $"- {MarkdownText.Escape(f.Path)}: {MarkdownText.Escape(f.Reason)}")));
        }

        var plan = AnnotationPlan.For(report);
        if (inActions && Run.Annotations && plan.Omitted > 0)
        {
            footer.Add($"_{plan.Omitted} findings are not annotated on the diff: GitHub shows at most {AnnotationPlan.MaxPerLevel} error and {AnnotationPlan.MaxPerLevel} warning annotations per step{(Run.CheckRun ? "; the check run has all of them" : string.Empty)}._");
        }

        // Fixes as suggested changes on the pull request (not after --fix, which has already written them).
        if (Run.SuggestFixes && api is not null && gitHub?.PullRequestNumber is not null && !_parse.GetValue(_options.Fix))
        {
            var fixes = LinkFixer.Plan(report, Run.Check.RootDirectory);
            if (fixes.FixCount > 0)
            {
                var (elsewhere, message) = await new FixSuggestions(api).PublishAsync(fixes, gitHub, cancellationToken).ConfigureAwait(false);
                notices.Add(message);
                if (elsewhere.Count > 0)
                {
                    footer.Add("Fixes linkcheck can make (run `linkcheck --fix`, or commit the suggestions on the diff):");
                    footer.Add(string.Join('\n', elsewhere.SelectMany(e => e.Change.Fixes).Select(f =>
                        $"- {MarkdownText.Escape(f.Location.ToString())}: {MarkdownText.Code(f.Before)} → {MarkdownText.Code(f.After)}")));
                }
            }
        }

        if (inActions && Run.JobSummary && _environment.GetVariable("GITHUB_STEP_SUMMARY") is { Length: > 0 } summary)
        {
            await new JobSummaryReporter(summary, gitHub, () => footer).ReportAsync(report, cancellationToken).ConfigureAwait(false);
        }

        if (Run.PrComment && gitHub?.PullRequestNumber is not null)
        {
            if (api is null)
            {
                notices.Add("no GitHub token: the pull request comment is skipped (annotations and the job summary still report everything)");
            }
            else
            {
                var (_, message) = await new PullRequestComment(api).PublishAsync(report, gitHub, footer, cancellationToken).ConfigureAwait(false);
                notices.Add(message);
            }
        }

        if (Run.CheckRun && gitHub is not null)
        {
            notices.Add(api is null
                ? "no GitHub token: no check run"
                : await new CheckRunPublisher(api).PublishAsync(report, gitHub, cancellationToken).ConfigureAwait(false));
        }
    }

    /// <summary>The action's outputs, and the JSON report in the runner's temp directory (never in the workspace).</summary>
    private async Task WriteActionOutputsAsync(CheckReport report, int exitCode, CancellationToken cancellationToken)
    {
        var path = Path.Combine(ActionEnvironment.TempDirectory(_environment), "linkcheck-report.json");
        await using (var file = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
        {
            await new JsonReporter(file, LinkCheckVersion.Current).ReportAsync(report, cancellationToken).ConfigureAwait(false);
        }

        var s = report.Summary;
        string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        ActionEnvironment.WriteOutputs(_environment,
        [
            ("broken", Number(s.Broken + s.Errors)),
            ("warnings", Number(s.Warnings + (report.Unverified == UnverifiedPolicy.Warn ? s.Unverified : 0))),
            ("checked", Number(s.Ok + s.Broken + s.Warnings + s.Unverified)),
            ("report", path),
            ("exit-code", Number(exitCode)),
        ]);
    }

    /// <summary>A message about the run (not a link): a workflow-command notice in Actions, a line on stderr elsewhere.</summary>
    private Task Notice(string level, string message, bool inActions) =>
        inActions
            ? _environment.Out.WriteLineAsync(WorkflowCommands.Annotation(level, null, null, null, null, "linkcheck", message))
            : _environment.Error.WriteLineAsync($"linkcheck: {level}: {TerminalText.Escape(message)}");

    private static StreamWriter? OpenOutput(string? path)
    {
        if (path is null)
        {
            return null;
        }

        try
        {
            var full = path;
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            return new StreamWriter(full, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new LinkCheckConfigurationException($"--output: cannot write {path}: {e.Message}", e);
        }
    }

    /// <summary>Colour only on a terminal, and never with --no-color, NO_COLOR (no-color.org) or TERM=dumb.</summary>
    private bool UseColor(bool toFile) =>
        !toFile
        && !_environment.IsOutputRedirected
        && Run.Color
        && string.IsNullOrEmpty(_environment.GetVariable("NO_COLOR"))
        && _environment.GetVariable("TERM") != "dumb";
}
