using System.CommandLine;
using System.Text;
using LinkCheck.Core;
using LinkCheck.Core.Discovery;
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

            // The composition root: one HttpClient for the whole run, created only when the network is used.
            using var http = checkOptions.Offline ? null : HttpHandlerFactory.CreateClient(_environment.CreateHttpHandler(checkOptions.Http));
            var progress = new ProgressTracker();
            var checker = new LinkChecker(_environment.Time, http, progress);
            CheckReport report;
            await using (ProgressDisplay.StartIfWanted(_environment, progress, disabled: _parse.GetValue(_options.NoProgress) || _parse.GetValue(_options.Quiet)))
            {
                report = await checker.CheckAsync(checkOptions, cancellationToken).ConfigureAwait(false);
            }

            foreach (var diagnostic in report.Diagnostics)
            {
                await _environment.Error.WriteLineAsync("linkcheck: warning: " + TerminalText.Escape(diagnostic)).ConfigureAwait(false);
            }

            IReporter reporter = format == "json"
                ? new JsonReporter(writer, LinkCheckVersion.Current)
                : new TextReporter(writer, new TextReportOptions(UseColor(outputPath), Verbosity()));
            await reporter.ReportAsync(report, cancellationToken).ConfigureAwait(false);
            return report.HasFailures ? ExitCodes.BrokenLinks : ExitCodes.Ok;
        }
        catch (LinkCheckConfigurationException e)
        {
            await _environment.Error.WriteLineAsync("linkcheck: " + e.Message).ConfigureAwait(false);
            return ExitCodes.UsageError;
        }
    }

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
