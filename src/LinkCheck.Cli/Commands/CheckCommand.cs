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
                if (run.Format == ReportFormat.Json)
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
            var contextWarnings = new List<string>();
            var gitHub = inActions || !string.IsNullOrEmpty(_environment.GetVariable("GITHUB_REPOSITORY"))
                ? ActionEnvironment.Context(_environment, token, contextWarnings)
                : null;
            foreach (var warning in contextWarnings)
            {
                await Notice("warning", warning, inActions).ConfigureAwait(false);
            }

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
            case ReportFormat.Json:
                return new JsonReporter(writer, LinkCheckVersion.Current);
            case ReportFormat.Sarif:
                return new SarifReporter(writer, LinkCheckVersion.Current);
            case ReportFormat.Markdown:
                return new MarkdownReporter(writer);
            case ReportFormat.Junit:
                return new JUnitReporter(writer);
            case ReportFormat.Text:
                break;
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
        var console = Run.Format == ReportFormat.Text || Run.Output is not null ? _environment.Out : _environment.Error;
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

        var outcome = LinkFixer.Apply(plan, root);
        foreach (var failure in outcome.Failed)
        {
            await console.WriteLineAsync("linkcheck: " + TerminalText.Escape(failure.Problem)).ConfigureAwait(false);
        }

        await console.WriteLineAsync($"linkcheck: fixed {Count(outcome.Fixed.Count, "link")} in {Count(outcome.Written.Count, "file")}").ConfigureAwait(false);

        // The report that follows covers what is left.
        return outcome.Remaining(report);
    }

    private static string Count(int count, string noun) =>
        count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");

    /// <summary>--github-token, else the action's input, else GITHUB_TOKEN or GH_TOKEN.</summary>
    /// <exception cref="LinkCheckConfigurationException">The token has a character no token has.</exception>
    private string? Token()
    {
        var (source, token) = new (string Source, string? Value)[]
        {
            ("--github-token", _parse.GetValue(_options.GitHubToken)),
            ("the github-token input", _environment.GetVariable("INPUT_GITHUB-TOKEN")),
            ("GITHUB_TOKEN", _environment.GetVariable("GITHUB_TOKEN")),
            ("GH_TOKEN", _environment.GetVariable("GH_TOKEN")),
        }.FirstOrDefault(t => !string.IsNullOrWhiteSpace(t.Value));
        token = token?.Trim();

        // GitHub's tokens are visible ASCII (ghp_..., github_pat_..., ghs_...). Anything else would reach the HTTP
        // stack, which refuses it with an exception that quotes the whole header, token included (issue 9). The
        // message says where the token came from and what is wrong, and shows none of it.
        if (token is not null && token.Any(c => c is <= ' ' or >= (char)0x7F))
        {
            var what = token.Any(char.IsControl) ? "a control character (a pasted line break?)" : token.Any(c => c == ' ') ? "a space" : "a non-ASCII character";
            throw new LinkCheckConfigurationException($"the GitHub token from {source} contains {what}, which no token has: check the secret (the token is not shown)");
        }

        return token;
    }

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

        // Anything unexpected from the API means: say so and check everything, never fewer files. Exception text is
        // not printed: it can quote the request (and a server's page); the status code and our own words are enough.
        string problem;
        try
        {
            var changes = await ChangedFiles.FromPullRequestAsync(api, owner, name, number, cancellationToken).ConfigureAwait(false);
            if (changes.Files.Count > 0)
            {
                return changes;
            }

            problem = "the pull request files API listed no files";
        }
        catch (Octokit.ApiException e)
        {
            problem = $"the pull request files API answered {(int)e.StatusCode}";
        }
        catch (InvalidDataException e)
        {
            problem = e.Message;
        }
        catch (HttpRequestException)
        {
            problem = "cannot reach the GitHub API";
        }
#pragma warning disable CA1031 // Any other failure of the change source falls back to checking everything.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            problem = $"listing the pull request's files failed ({e.GetType().Name})";
        }

        await Notice("warning", $"only-changed: {problem}: checking every file", ActionEnvironment.IsGitHubActions(_environment)).ConfigureAwait(false);
        return null;
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
                var (elsewhere, message) = await DegradeAsync(
                    "the suggested fixes",
                    () => new FixSuggestions(api).PublishAsync(fixes, gitHub, cancellationToken),
                    problem => ([.. fixes.Files.SelectMany(f => f.Changes.Select(c => (f.Path, Change: c)))], problem)).ConfigureAwait(false);
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
            notices.Add(await DegradeAsync(
                "the job summary",
                async () =>
                {
                    await new JobSummaryReporter(summary, gitHub, () => footer).ReportAsync(report, cancellationToken).ConfigureAwait(false);
                    return string.Empty;
                },
                problem => problem).ConfigureAwait(false));
        }

        if (Run.PrComment && gitHub?.PullRequestNumber is not null)
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
                    problem => (CommentOutcome.NotAllowed, problem)).ConfigureAwait(false);
                notices.Add(message);
            }
        }

        if (Run.CheckRun && gitHub is not null)
        {
            notices.Add(api is null
                ? "no GitHub token: no check run"
                : await DegradeAsync("the check run", () => new CheckRunPublisher(api).PublishAsync(report, gitHub, cancellationToken), problem => problem).ConfigureAwait(false));
        }

        notices.RemoveAll(string.IsNullOrEmpty);
    }

    /// <summary>
    /// Runs one publishing step; when it fails (the API refuses connections or answers nonsense, a runner file is a
    /// directory or a full device), a warning says which step and the run goes on: the links' verdicts decide the
    /// exit code, not the reporting channels. Exception text is not shown: it can quote requests and data.
    /// </summary>
    private async Task<T> DegradeAsync<T>(string what, Func<Task<T>> step, Func<string, T> fallback)
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
            problem = $"{e.GetType().Name}";
        }

        var message = $"{what} was not published: {problem}";
        await Notice("warning", message, ActionEnvironment.IsGitHubActions(_environment)).ConfigureAwait(false);
        return fallback(string.Empty);
    }

    /// <summary>The action's outputs, and the JSON report in the runner's temp directory (never in the workspace).</summary>
    private async Task WriteActionOutputsAsync(CheckReport report, int exitCode, CancellationToken cancellationToken)
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
            _ => false).ConfigureAwait(false);

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
            _ => false).ConfigureAwait(false);
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
