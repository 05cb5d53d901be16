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

/// <summary>
/// The action of the root command: options in, report out, exit code back. The composition root of a run: it
/// settles the options, wires the HTTP and GitHub clients, picks the change source and the reporter, and hands
/// the other commands (import, dump, fix) and the GitHub publishing their parts.
/// </summary>
internal sealed class CheckCommand
{
    private readonly CliOptions _options;
    private readonly ParseResult _parse;
    private readonly CliEnvironment _environment;
    private IReadOnlyDictionary<string, string>? _staged;

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
                return await ImportCommand.RunAsync(import, _environment).ConfigureAwait(false);
            }

            var run = RunOptions.Resolve(_options, _parse, _environment);
            if (run.ReadsStandardInput)
            {
                run = run with { Check = run.Check with { StandardInput = await ReadStandardInputAsync(run, cancellationToken).ConfigureAwait(false) } };
            }

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
                return await DumpCommand.RunAsync(run, writer, _environment, cancellationToken).ConfigureAwait(false);
            }

            // The composition root: one HttpClient for the whole run, created only when the network is used, and
            // the GitHub API client when there is a token (it sends the token to the API host only).
            var token = Token();
            // Outside Actions the repository comes from the origin remote, so links to this repository's own
            // github.com URLs resolve locally in a local run as they do in CI.
            var contextWarnings = new List<string>();
            var gitHub = inActions || !string.IsNullOrEmpty(_environment.GetVariable("GITHUB_REPOSITORY"))
                ? ActionEnvironment.Context(_environment, token, contextWarnings)
                : GitProcess.OriginContext(checkOptions.RootDirectory, token, cancellationToken);
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
                Changes = await ChangesAsync(run, gitHub, api, notices, cancellationToken).ConfigureAwait(false),
                Contents = _staged ?? checkOptions.Contents,
            };

            using var http = checkOptions.Offline ? null : HttpHandlerFactory.CreateClient(_environment.CreateHttpHandler(checkOptions.Http));
            var progress = new ProgressTracker();
            var checker = new LinkChecker(_environment.Time, http, progress, api);
            CheckReport report;
            await using (ProgressDisplay.StartIfWanted(_environment, progress, disabled: !run.Progress))
            {
                report = await checker.CheckAsync(checkOptions, cancellationToken).ConfigureAwait(false);
            }

            // A cancelled run (SIGINT, SIGTERM) still reports what it found, marked partial, on a token of its own:
            // the runner gives a cancelled step seconds, so the network (fixes on the PR, the sticky comment, the
            // check run) is left out and --fix writes nothing from half a run.
            if (report.Partial)
            {
                cancellationToken = CancellationToken.None;
            }

            foreach (var diagnostic in report.Diagnostics)
            {
                await Notice("warning", diagnostic, inActions).ConfigureAwait(false);
            }

            var fix = _parse.GetValue(_options.Fix);
            if (fix && !report.Partial)
            {
                report = await FixCommand.RunAsync(report, run, dryRun: _parse.GetValue(_options.DryRun), _environment, cancellationToken).ConfigureAwait(false);
            }

            if (report.Files.Count == 0 && report.Results.Count == 0 && report.Selection is null && run.Format == ReportFormat.Text && run.Verbosity != Verbosity.Quiet)
            {
                // One line that says where it looked and for what, instead of a summary of zeros.
                await writer.WriteLineAsync(NothingFound(run, report)).ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            await Reporter(run, writer, output is not null, inActions, api, report).ReportAsync(report, cancellationToken).ConfigureAwait(false);
            var publisher = new GitHubPublisher(run, _environment, fixApplied: fix);
            await publisher.PublishAsync(report, gitHub, api, inActions, notices, cancellationToken).ConfigureAwait(false);
            foreach (var notice in notices)
            {
                await Notice("notice", notice, inActions).ConfigureAwait(false);
            }

            var exitCode = report.HasFailures ? ExitCodes.BrokenLinks : ExitCodes.Ok;
            if (inActions)
            {
                await publisher.WriteOutputsAsync(report, exitCode, cancellationToken).ConfigureAwait(false);
            }

            if (report.Partial)
            {
                await _environment.Error.WriteLineAsync("linkcheck: cancelled; the report above is partial").ConfigureAwait(false);
                return ExitCodes.Cancelled;
            }

            return exitCode == ExitCodes.BrokenLinks && !run.Fail ? ExitCodes.Ok : exitCode;
        }
        catch (LinkCheckConfigurationException e)
        {
            await _environment.Error.WriteLineAsync("linkcheck: " + TerminalText.Escape(e.Message)).ConfigureAwait(false);
            return ExitCodes.UsageError;
        }
    }

    /// <summary>
    /// The markdown of the path <c>-</c>, read to its end (at most one byte over --max-file-size, so a larger input is
    /// reported as too large without being held in memory). It is checked as a file of the current directory.
    /// </summary>
    /// <exception cref="LinkCheckConfigurationException">An option that works on files in git or on disk was given with it.</exception>
    private async Task<StandardInputDocument> ReadStandardInputAsync(RunOptions run, CancellationToken cancellationToken)
    {
        var conflict = _parse.GetValue(_options.Staged) ? "--staged"
            : run.ChangedSince is { Length: > 0 } ? "--changed-since"
            : _parse.GetValue(_options.Fix) ? "--fix"
            : null;
        if (conflict is not null)
        {
            throw new LinkCheckConfigurationException($"- (standard input) cannot be combined with {conflict}, which works on files{(conflict == "--fix" ? " on disk" : " git knows")}: save the text to a file, or drop one of them");
        }

        var limit = run.Check.MaxFileSize;
        var stream = _environment.OpenStandardInput();
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while (buffer.Length <= limit && (read = await stream.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit + 1 - buffer.Length)), cancellationToken).ConfigureAwait(false)) > 0)
            {
                buffer.Write(chunk, 0, read);
            }

            return new StandardInputDocument(_environment.CurrentDirectory, buffer.ToArray());
        }
    }

    /// <summary>The reporter for --format; in Actions, the text report also annotates the diff.</summary>
    private IReporter Reporter(RunOptions run, TextWriter writer, bool toFile, bool inActions, GitHubApi? api, CheckReport report)
    {
        var textOptions = new TextReportOptions(UseColor(run, toFile), run.Verbosity) { DisplayPath = DisplayPath(run.Check.RootDirectory) };
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

    private string NothingFound(RunOptions run, CheckReport report)
    {
        var named = _parse.GetValue(_options.Paths) is { Length: > 0 } given
            ? given
            : run.Config is { } config && config.Has("paths") ? [.. config.List("paths")] : ["."];
        var globs = run.Check.IncludePaths.Count > 0 ? run.Check.IncludePaths : [.. Core.Discovery.PathGlobs.DefaultExtensions.Select(e => "*" + e)];
        var leftOut = report.LeftOut.Any ? "; " + TextReporter.LeftOutLine(report.LeftOut) : string.Empty;
        return $"no markdown files found in {TerminalText.Escape(string.Join(", ", named))} (looked for {TerminalText.Escape(string.Join(", ", globs))}{leftOut})";
    }

    /// <summary>
    /// Text output names files relative to the current directory, so <c>path:line:col</c> opens from where the user
    /// stands; machine-readable reports and annotations keep repository paths.
    /// </summary>
    private Func<string, string> DisplayPath(string root)
    {
        var realRoot = Core.Discovery.RepositoryRoot.RealPath(root);
        var here = Core.Discovery.RepositoryRoot.RealPath(_environment.CurrentDirectory);
        if (string.Equals(realRoot, here, StringComparison.Ordinal))
        {
            return static path => path;
        }

        return path => path.StartsWith('<') ? path : Path.GetRelativePath(here, Path.Combine(realRoot, path)).Replace(Path.DirectorySeparatorChar, '/');
    }

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
    private async Task<ChangeSet?> ChangesAsync(RunOptions run, GitHubContext? gitHub, GitHubApi? api, List<string> notices, CancellationToken cancellationToken)
    {
        var options = run.Check;
        if (run.ChangedSince is { Length: > 0 } reference)
        {
            return GitProcess.ChangedSince(options.RootDirectory, reference, cancellationToken);
        }

        if (_parse.GetValue(_options.Staged))
        {
            var (changes, contents) = GitProcess.Staged(options.RootDirectory, cancellationToken);
            _staged = contents;
            return changes;
        }

        if (!run.OnlyChanged)
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
    private bool UseColor(RunOptions run, bool toFile) =>
        !toFile
        && !_environment.IsOutputRedirected
        && run.Color
        && string.IsNullOrEmpty(_environment.GetVariable("NO_COLOR"))
        && _environment.GetVariable("TERM") != "dumb";
}
