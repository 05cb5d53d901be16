using System.CommandLine;
using System.Text;
using LinkCheck.Core;
using LinkCheck.Core.Discovery;
using LinkCheck.Core.GitHub;
using LinkCheck.Core.Model;
using LinkCheck.Core.Reporting;
using LinkCheck.Core.Resolution;

namespace LinkCheck.Cli;

/// <summary>The action of the root command: options in, report out, exit code back.</summary>
internal sealed class CheckCommand
{
    private readonly CliOptions _options;
    private readonly ParseResult _parse;
    private readonly CliEnvironment _environment;

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
            var checkOptions = BuildOptions();
            var outputPath = _parse.GetValue(_options.Output);
            await using var output = OpenOutput(outputPath);
            var writer = output ?? _environment.Out;
            var format = _parse.GetValue(_options.Format) ?? "text";

            if (_parse.GetValue(_options.Dump))
            {
                var inventory = new LinkChecker(_environment.Time).Collect(checkOptions, cancellationToken);
                if (format == "json")
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
            var inActions = ActionEnvironment.IsGitHubActions(_environment);
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
            await using (ProgressDisplay.StartIfWanted(_environment, progress, disabled: _parse.GetValue(_options.NoProgress) || _parse.GetValue(_options.Quiet)))
            {
                report = await checker.CheckAsync(checkOptions, cancellationToken).ConfigureAwait(false);
            }

            foreach (var diagnostic in report.Diagnostics)
            {
                await Notice("warning", diagnostic, inActions).ConfigureAwait(false);
            }

            var textOptions = new TextReportOptions(UseColor(outputPath), Verbosity());
            var changed = report.Selection?.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
            var elsewhere = string.Join(" and ", new[]
            {
                inActions && !_parse.GetValue(_options.NoJobSummary) ? "the job summary" : null,
                _parse.GetValue(_options.CheckRun) && api is not null ? "the check run" : null,
            }.OfType<string>().DefaultIfEmpty("the report below"));
            IReporter reporter = format == "json"
                ? new JsonReporter(writer, LinkCheckVersion.Current)
                : inActions && output is null
                    ? new GitHubLogReporter(writer, textOptions, annotate: !_parse.GetValue(_options.NoAnnotations), changed, elsewhere)
                    : new TextReporter(writer, textOptions);
            await reporter.ReportAsync(report, cancellationToken).ConfigureAwait(false);
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

            return exitCode == ExitCodes.BrokenLinks && _parse.GetValue(_options.NoFail) ? ExitCodes.Ok : exitCode;
        }
        catch (LinkCheckConfigurationException e)
        {
            await _environment.Error.WriteLineAsync("linkcheck: " + e.Message).ConfigureAwait(false);
            return ExitCodes.UsageError;
        }
    }

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
        if (_parse.GetValue(_options.ChangedSince) is { Length: > 0 } reference)
        {
            return GitProcess.ChangedSince(options.RootDirectory, reference, cancellationToken);
        }

        if (!_parse.GetValue(_options.OnlyChanged))
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
        if (inActions && !_parse.GetValue(_options.NoAnnotations) && plan.Omitted > 0)
        {
            footer.Add($"_{plan.Omitted} findings are not annotated on the diff: GitHub shows at most {AnnotationPlan.MaxPerLevel} error and {AnnotationPlan.MaxPerLevel} warning annotations per step{(_parse.GetValue(_options.CheckRun) ? "; the check run has all of them" : string.Empty)}._");
        }

        if (inActions && !_parse.GetValue(_options.NoJobSummary) && _environment.GetVariable("GITHUB_STEP_SUMMARY") is { Length: > 0 } summary)
        {
            await new JobSummaryReporter(summary, gitHub, () => footer).ReportAsync(report, cancellationToken).ConfigureAwait(false);
        }

        if (_parse.GetValue(_options.PrComment) && gitHub?.PullRequestNumber is not null)
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

        if (_parse.GetValue(_options.CheckRun) && gitHub is not null)
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

    private LinkCheckOptions BuildOptions()
    {
        var cwd = _environment.CurrentDirectory;
        var paths = new List<string>();
        foreach (var path in _parse.GetValue(_options.Paths) ?? [])
        {
            var full = Path.GetFullPath(path, cwd);
            if (!File.Exists(full) && !Directory.Exists(full) && new FileInfo(full).LinkTarget is null)
            {
                throw new LinkCheckConfigurationException($"path not found: {path}");
            }

            paths.Add(full);
        }

        var rootOption = _parse.GetValue(_options.RootDir);
        string root;
        if (rootOption is not null)
        {
            root = Path.GetFullPath(rootOption, cwd);
            if (!Directory.Exists(root))
            {
                throw new LinkCheckConfigurationException($"--root-dir: directory not found: {rootOption}");
            }
        }
        else
        {
            var first = paths.FirstOrDefault();
            var start = first is null ? cwd : Directory.Exists(first) ? first : Path.GetDirectoryName(first) ?? cwd;
            root = RepositoryRoot.FindGitWorkTree(start) ?? start;
        }

        return new LinkCheckOptions
        {
            RootDirectory = root,
            Paths = paths,
            IncludePaths = _parse.GetValue(_options.IncludePath) ?? [],
            ExcludePaths = _parse.GetValue(_options.ExcludePath) ?? [],
            ExcludeUrls = _parse.GetValue(_options.Exclude) ?? [],
            UseGitIgnore = !_parse.GetValue(_options.NoGitIgnore),
            Offline = _parse.GetValue(_options.Offline),
            MaxFileSize = _parse.GetValue(_options.MaxFileSize),
            IncludeUrls = _parse.GetValue(_options.Include) ?? [],
            ExcludePrivate = _parse.GetValue(_options.ExcludePrivate),
            ExcludeLoopback = _parse.GetValue(_options.ExcludeLoopback),
            Remaps = _parse.GetValue(_options.Remap) ?? [],
            Http = BuildHttpOptions(),
        };
    }

    private HttpCheckOptions BuildHttpOptions()
    {
        var defaults = new HostLimits(_parse.GetValue(_options.HostConcurrency), _parse.GetValue(_options.HostRequestInterval));
        var overrides = new Dictionary<string, HostLimits>(StringComparer.OrdinalIgnoreCase);
        foreach (var text in _parse.GetValue(_options.HostLimit) ?? [])
        {
            var (host, limits) = HostLimits.Parse(text, defaults);
            overrides[host] = limits;
        }

        return new HttpCheckOptions
        {
            MaxConcurrency = _parse.GetValue(_options.MaxConcurrency),
            HostConcurrency = defaults.Concurrency,
            HostRequestInterval = defaults.Interval,
            HostOverrides = overrides,
            MaxRedirects = _parse.GetValue(_options.MaxRedirects),
            MaxRetries = _parse.GetValue(_options.MaxRetries),
            MaxRetryWait = _parse.GetValue(_options.MaxRetryWait),
            Timeout = _parse.GetValue(_options.Timeout),
            Accept = StatusCodeSet.Parse(_parse.GetValue(_options.Accept) ?? StatusCodeSet.Default.Text),
            Unverified = _parse.GetValue(_options.Unverified) switch
            {
                "fail" => UnverifiedPolicy.Fail,
                "ignore" => UnverifiedPolicy.Ignore,
                _ => UnverifiedPolicy.Warn,
            },
            AcceptTimeouts = _parse.GetValue(_options.AcceptTimeouts),
            CheckRemoteFragments = !_parse.GetValue(_options.NoRemoteFragments),
            UserAgent = _parse.GetValue(_options.UserAgent) ?? HttpCheckOptions.DefaultUserAgent,
            Headers = [.. (_parse.GetValue(_options.Header) ?? []).Select(HostHeader.Parse)],
            UseCache = _parse.GetValue(_options.Cache),
            CacheFile = _parse.GetValue(_options.CacheFile) ?? HttpCheckOptions.DefaultCacheFile,
            MaxCacheAge = _parse.GetValue(_options.MaxCacheAge),
        };
    }

    private StreamWriter? OpenOutput(string? path)
    {
        if (path is null)
        {
            return null;
        }

        try
        {
            var full = Path.GetFullPath(path, _environment.CurrentDirectory);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            return new StreamWriter(full, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new LinkCheckConfigurationException($"--output: cannot write {path}: {e.Message}", e);
        }
    }

    /// <summary>Colour only on a terminal, and never with --no-color, NO_COLOR (no-color.org) or TERM=dumb.</summary>
    private bool UseColor(string? outputPath) =>
        outputPath is null
        && !_environment.IsOutputRedirected
        && !_parse.GetValue(_options.NoColor)
        && string.IsNullOrEmpty(_environment.GetVariable("NO_COLOR"))
        && _environment.GetVariable("TERM") != "dumb";

    private Verbosity Verbosity() =>
        _parse.GetValue(_options.Quiet) ? Core.Reporting.Verbosity.Quiet
        : _parse.GetValue(_options.Verbose) ? Core.Reporting.Verbosity.Verbose
        : Core.Reporting.Verbosity.Normal;
}
