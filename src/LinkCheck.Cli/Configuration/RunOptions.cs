using System.CommandLine;
using LinkCheck.Cli.GitHubActions;
using LinkCheck.Core;
using LinkCheck.Core.Discovery;
using LinkCheck.Core.Model;
using LinkCheck.Core.Reporting;
using LinkCheck.Core.Resolution;

namespace LinkCheck.Cli.Configuration;

/// <summary>
/// Everything one run needs, settled once from the command line (which, in the action, carries the action's
/// inputs), the configuration file and the defaults, in that order of precedence (see <see cref="Settings"/>).
/// </summary>
internal sealed record RunOptions
{
    public required LinkCheckOptions Check { get; init; }

    public ConfigFile? Config { get; init; }

    public ReportFormat Format { get; init; } = ReportFormat.Text;

    /// <summary>The report file (absolute), or null for standard output.</summary>
    public string? Output { get; init; }

    public bool Fail { get; init; } = true;

    public string? ChangedSince { get; init; }

    public bool OnlyChanged { get; init; }

    public bool Annotations { get; init; } = true;

    public bool JobSummary { get; init; } = true;

    public bool PrComment { get; init; }

    public bool CheckRun { get; init; }

    public bool ReportIssue { get; init; }

    public bool SuggestFixes { get; init; } = true;

    public bool Progress { get; init; } = true;

    public bool Color { get; init; } = true;

    /// <summary>What <c>--quiet</c> / <c>quiet:</c> asked for (settled into <see cref="Verbosity"/>).</summary>
    public bool Quiet { get; init; }

    /// <summary>What <c>--verbose</c> / <c>verbose:</c> asked for (settled into <see cref="Verbosity"/>).</summary>
    public bool Verbose { get; init; }

    public Verbosity Verbosity { get; init; } = Verbosity.Normal;

    /// <summary>The directory relative command-line paths start from.</summary>
    public required string CurrentDirectory { get; init; }

    /// <summary>The path <c>-</c> was given: markdown is read from standard input (see <see cref="StandardInputDocument"/>).</summary>
    public bool ReadsStandardInput { get; init; }

    /// <summary>Settles the run's options.</summary>
    /// <exception cref="LinkCheckConfigurationException">A path, the configuration file or a value in it is wrong.</exception>
    public static RunOptions Resolve(CliOptions options, ParseResult parse, CliEnvironment environment)
    {
        var cwd = environment.CurrentDirectory;
        ConfigFile? config = null;
        if (parse.GetValue(options.Config) is { } configPath)
        {
            var full = Path.GetFullPath(configPath, cwd);
            if (!File.Exists(full))
            {
                throw new LinkCheckConfigurationException($"--config: file not found: {configPath}");
            }

            config = ConfigFile.Load(full, environment.GetVariable);
        }

        var (root, paths, stdin) = Locations(options, parse, cwd, config);
        if (config is null && ConfigFile.DefaultNames.Select(n => Path.Combine(root, n)).FirstOrDefault(File.Exists) is { } found)
        {
            // Found at the root: the file may itself move the root or name the paths (relative to where it is).
            config = ConfigFile.Load(found, environment.GetVariable);
            (root, paths, stdin) = Locations(options, parse, cwd, config);
        }

        var settings = new Settings(parse, config, ActionEnvironment.IsAction(environment));
        var run = new RunOptions
        {
            Config = config,
            CurrentDirectory = cwd,
            ReadsStandardInput = stdin,
            Check = new LinkCheckOptions { RootDirectory = root, Paths = paths },
        };
        foreach (var setting in SettingsTable.All)
        {
            run = setting.ApplyTo(run, settings);
        }

        CheckDurations(run.Check.Http);

        // One of --quiet and --verbose on the command line wins over the other in the file; both in the file is an error.
        var verbose = run.Verbose && !settings.IsExplicit(SettingsTable.Quiet.Option);
        var quiet = run.Quiet && !settings.IsExplicit(SettingsTable.Verbose.Option);
        if (quiet && verbose)
        {
            throw new LinkCheckConfigurationException($"{config!.Path}: quiet and verbose cannot both be true");
        }

        // The action comments by default (its input defaults to true), the command line does not: a file or a flag decides first.
        var prComment = settings.IsExplicit(SettingsTable.PrComment.Option) || settings.IsExplicit(SettingsTable.PrComment.Opposite!) || config?.Has("pr-comment") == true
            ? run.PrComment
            : settings.InAction;
        return run with
        {
            Verbosity = quiet ? Verbosity.Quiet : verbose ? Verbosity.Verbose : Verbosity.Normal,
            Progress = run.Progress && !quiet,
            PrComment = prComment,
        };
    }

    /// <summary>The longest timeout or wait a run accepts: under the int.MaxValue milliseconds .NET's timers take.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(24);

    /// <summary>
    /// Timers and socket timeouts take at most int.MaxValue milliseconds (about 24.8 days), and a zero timeout is not
    /// a timeout: both would reach .NET as an ArgumentOutOfRangeException instead of a clear error (issue 9).
    /// </summary>
    /// <exception cref="LinkCheckConfigurationException">A duration is out of range.</exception>
    private static void CheckDurations(HttpCheckOptions http)
    {
        InRange("timeout", http.Timeout, positive: true);
        InRange("max-retry-wait", http.MaxRetryWait, positive: false);
        InRange("host-request-interval", http.HostRequestInterval, positive: false);
        foreach (var (host, limits) in http.HostOverrides)
        {
            InRange($"the request interval of {host}", limits.Interval, positive: false);
        }
    }

    /// <exception cref="LinkCheckConfigurationException">The duration is out of range.</exception>
    private static void InRange(string name, TimeSpan value, bool positive)
    {
        if ((positive && value <= TimeSpan.Zero) || value < TimeSpan.Zero || value > MaxDuration)
        {
            throw new LinkCheckConfigurationException(
                $"{name}: {Durations.Format(value)} is out of range: {(positive ? "more than 0" : "0 or more")} and at most {Durations.Format(MaxDuration)}");
        }
    }

    /// <summary>
    /// The repository root and the paths to check: the command line's, else the file's (relative to it); and whether
    /// <c>-</c> (standard input, as if it were a file in the current directory) is one of them.
    /// </summary>
    private static (string Root, List<string> Paths, bool StandardInput) Locations(CliOptions options, ParseResult parse, string cwd, ConfigFile? config)
    {
        var cliPaths = parse.GetValue(options.Paths) ?? [];
        var (pathTexts, pathBase, pathSource) = cliPaths.Length > 0 || config is null || !config.Has("paths")
            ? (cliPaths, cwd, (string?)null)
            : ([.. config.List("paths")], config.Directory, config.Where("paths"));
        var paths = new List<string>();
        var stdin = false;
        foreach (var path in pathTexts)
        {
            if (path == "-" && pathSource is null)
            {
                stdin = true;
                continue;
            }

            var full = Path.GetFullPath(path, pathBase);
            if (!File.Exists(full) && !Directory.Exists(full) && new FileInfo(full).LinkTarget is null)
            {
                var where = pathSource is null ? string.Empty : pathSource + ": paths: ";
                if (PathArguments.IsGlob(path))
                {
                    var matches = PathArguments.Expand(path, pathBase);
                    paths.AddRange(matches.Count > 0 ? matches : throw new LinkCheckConfigurationException($"{where}no file matches {path}"));
                    continue;
                }

                throw new LinkCheckConfigurationException($"{where}path not found: {path}");
            }

            paths.Add(full);
        }

        var (rootText, rootBase, rootSource) = parse.GetValue(SettingsTable.RootDirOption) is { } cliRoot
            ? (cliRoot, cwd, "--root-dir")
            : config?.Text("root-dir") is { } fileRoot ? (fileRoot, config.Directory, config.Where("root-dir") + ": root-dir") : (null, cwd, string.Empty);
        if (rootText is not null)
        {
            var root = Path.GetFullPath(rootText, rootBase);
            return Directory.Exists(root) ? (root, paths, stdin) : throw new LinkCheckConfigurationException($"{rootSource}: directory not found: {rootText}");
        }

        // Standard input is read as a file of the current directory, so the root is found as for a path there.
        var found = RootFinder.Find(cwd, stdin ? [.. paths, Path.GetFullPath(cwd)] : paths);

        // Run from a subfolder with no paths, linkcheck checks that subfolder (as git grep and ripgrep search
        // where you stand), while links still resolve against the whole repository.
        if (paths.Count == 0 && !stdin && !string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(cwd)), found, StringComparison.Ordinal))
        {
            paths.Add(Path.GetFullPath(cwd));
        }

        return (found, paths, stdin);
    }
}
