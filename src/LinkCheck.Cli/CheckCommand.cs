using System.CommandLine;
using System.Text;
using LinkCheck.Core;
using LinkCheck.Core.Discovery;
using LinkCheck.Core.Reporting;

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
            var checker = new LinkChecker(_environment.Time);

            if (_parse.GetValue(_options.Dump))
            {
                var inventory = checker.Collect(checkOptions, cancellationToken);
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

            var report = await checker.CheckAsync(checkOptions, cancellationToken).ConfigureAwait(false);
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
