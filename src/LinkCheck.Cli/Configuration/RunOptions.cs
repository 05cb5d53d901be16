using System.CommandLine;
using LinkCheck.Cli.GitHubActions;
using LinkCheck.Core;
using LinkCheck.Core.Discovery;
using LinkCheck.Core.Model;
using LinkCheck.Core.Reporting;
using LinkCheck.Core.Resolution;
using LinkCheck.Core.Sites;

namespace LinkCheck.Cli.Configuration;

/// <summary>
/// Everything one run needs, settled once from the command line (which, in the action, carries the action's
/// inputs), the configuration file and the defaults, in that order of precedence (see <see cref="Settings"/>).
/// </summary>
internal sealed record RunOptions
{
    public required LinkCheckOptions Check { get; init; }

    public ConfigFile? Config { get; init; }

    public required string Format { get; init; }

    /// <summary>The report file (absolute), or null for standard output.</summary>
    public string? Output { get; init; }

    public bool Fail { get; init; } = true;

    public string? ChangedSince { get; init; }

    public bool OnlyChanged { get; init; }

    public bool Annotations { get; init; } = true;

    public bool JobSummary { get; init; } = true;

    public bool PrComment { get; init; }

    public bool CheckRun { get; init; }

    public bool SuggestFixes { get; init; } = true;

    public bool Progress { get; init; } = true;

    public bool Color { get; init; } = true;

    public Verbosity Verbosity { get; init; } = Verbosity.Normal;

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

        var (root, paths) = Locations(options, parse, cwd, config);
        if (config is null && ConfigFile.DefaultNames.Select(n => Path.Combine(root, n)).FirstOrDefault(File.Exists) is { } found)
        {
            // Found at the root: the file may itself move the root or name the paths (relative to where it is).
            config = ConfigFile.Load(found, environment.GetVariable);
            (root, paths) = Locations(options, parse, cwd, config);
        }

        var settings = new Settings(parse, config);
        var inAction = ActionEnvironment.IsAction(environment);
        var verbose = settings.Flag(options.Verbose, "verbose") && !settings.IsExplicit(options.Quiet);
        var quiet = settings.Flag(options.Quiet, "quiet") && !settings.IsExplicit(options.Verbose);
        if (quiet && verbose)
        {
            throw new LinkCheckConfigurationException($"{config!.Path}: quiet and verbose cannot both be true");
        }

        var output = settings.IsExplicit(options.Output) || config?.Text("output") is not { } fileOutput
            ? parse.GetValue(options.Output) is { } cliOutput ? Path.GetFullPath(cliOutput, cwd) : null
            : Path.GetFullPath(fileOutput, config.Directory);
        return new RunOptions
        {
            Config = config,
            Check = new LinkCheckOptions
            {
                RootDirectory = root,
                Paths = paths,
                IncludePaths = settings.List(options.IncludePath, "include-path"),
                ExcludePaths = settings.List(options.ExcludePath, "exclude-path"),
                ExcludeUrls = settings.List(options.Exclude, "exclude"),
                IncludeUrls = settings.List(options.Include, "include"),
                UseGitIgnore = settings.OnUnless(options.NoGitIgnore, "gitignore"),
                Offline = settings.Flag(options.Offline, "offline"),
                MaxFileSize = settings.Value(options.MaxFileSize, "max-file-size", (c, k) => c.Size(k)!.Value),
                ExcludePrivate = settings.Flag(options.ExcludePrivate, "exclude-private"),
                ExcludeLoopback = settings.Flag(options.ExcludeLoopback, "exclude-loopback"),
                Remaps = settings.List(options.Remap, "remap"),
                DetectSites = !(config?.SitesOff ?? false) && !(parse.GetValue(options.Site) ?? []).Contains(SiteRegistry.NoneName, StringComparer.OrdinalIgnoreCase),
                Sites = SiteOverrides(options, parse, cwd, root, config),
                Http = HttpOptions(options, settings),
            },
            Format = settings.Value(options.Format, "format", (c, k) => c.Text(k)) ?? "text",
            Output = output,
            Fail = settings.OnUnless(options.NoFail, "fail"),
            ChangedSince = settings.Value(options.ChangedSince, "changed-since", (c, k) => c.Text(k)),
            OnlyChanged = settings.Flag(options.OnlyChanged, "only-changed"),
            Annotations = settings.OnUnless(options.NoAnnotations, "annotations"),
            JobSummary = settings.OnUnless(options.NoJobSummary, "job-summary"),
            // The action comments by default (its input defaults to true); the command line does not.
            PrComment = settings.IsExplicit(options.NoPrComment) ? false : settings.IsExplicit(options.PrComment) || (config?.Boolean("pr-comment") ?? inAction),
            CheckRun = settings.Flag(options.CheckRun, "check-run"),
            SuggestFixes = settings.OnUnless(options.NoSuggestFixes, "suggest-fixes"),
            Progress = settings.OnUnless(options.NoProgress, "progress") && !quiet,
            Color = settings.OnUnless(options.NoColor, "color"),
            Verbosity = quiet ? Verbosity.Quiet : verbose ? Verbosity.Verbose : Verbosity.Normal,
        };
    }

    /// <summary>The repository root and the paths to check: the command line's, else the file's (relative to it).</summary>
    private static (string Root, List<string> Paths) Locations(CliOptions options, ParseResult parse, string cwd, ConfigFile? config)
    {
        var cliPaths = parse.GetValue(options.Paths) ?? [];
        var (pathTexts, pathBase, pathSource) = cliPaths.Length > 0 || config is null || !config.Has("paths")
            ? (cliPaths, cwd, (string?)null)
            : ([.. config.List("paths")], config.Directory, config.Where("paths"));
        var paths = new List<string>();
        foreach (var path in pathTexts)
        {
            var full = Path.GetFullPath(path, pathBase);
            if (!File.Exists(full) && !Directory.Exists(full) && new FileInfo(full).LinkTarget is null)
            {
                throw new LinkCheckConfigurationException($"{(pathSource is null ? string.Empty : pathSource + ": paths: ")}path not found: {path}");
            }

            paths.Add(full);
        }

        var (rootText, rootBase, rootSource) = parse.GetValue(options.RootDir) is { } cliRoot
            ? (cliRoot, cwd, "--root-dir")
            : config?.Text("root-dir") is { } fileRoot ? (fileRoot, config.Directory, config.Where("root-dir") + ": root-dir") : (null, cwd, string.Empty);
        if (rootText is not null)
        {
            var root = Path.GetFullPath(rootText, rootBase);
            return Directory.Exists(root) ? (root, paths) : throw new LinkCheckConfigurationException($"{rootSource}: directory not found: {rootText}");
        }

        var first = paths.FirstOrDefault();
        var start = first is null ? cwd : Directory.Exists(first) ? first : Path.GetDirectoryName(first) ?? cwd;
        return (RepositoryRoot.FindGitWorkTree(start) ?? start, paths);
    }

    /// <summary>
    /// The sites named in the file (roots relative to it) and by <c>--site GENERATOR=DIR</c> (relative to the working
    /// directory), as repository-relative roots; the command line wins for a root both name.
    /// </summary>
    private static List<SiteOverride> SiteOverrides(CliOptions options, ParseResult parse, string cwd, string root, ConfigFile? config)
    {
        var result = new List<SiteOverride>();
        foreach (var site in config?.Sites ?? [])
        {
            result.Add(site with { Root = RepositoryRelative(Path.GetFullPath(site.Root, config!.Directory), root, config.Where("sites") + ": sites: root") });
        }

        foreach (var text in parse.GetValue(options.Site) ?? [])
        {
            if (text.Equals(SiteRegistry.NoneName, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var equals = text.IndexOf('=', StringComparison.Ordinal);
            var generator = equals < 0 ? text : text[..equals].Trim();
            if (equals < 0 || !SiteRegistry.Names.Contains(generator, StringComparer.OrdinalIgnoreCase))
            {
                throw new LinkCheckConfigurationException($"--site '{text}': expected GENERATOR=DIR (GENERATOR one of {string.Join(", ", SiteRegistry.Names)}) or none");
            }

            var relative = RepositoryRelative(Path.GetFullPath(text[(equals + 1)..].Trim() is { Length: > 0 } dir ? dir : ".", cwd), root, $"--site '{text}'");
            result.RemoveAll(s => s.NormalizedRoot == new SiteOverride(relative, generator).NormalizedRoot);
            result.Add(new SiteOverride(relative, generator.ToLowerInvariant()));
        }

        return result;
    }

    private static string RepositoryRelative(string full, string root, string source)
    {
        if (!Directory.Exists(full))
        {
            throw new LinkCheckConfigurationException($"{source}: directory not found: {full}");
        }

        var relative = Path.GetRelativePath(root, full).Replace('\\', '/');
        return relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? throw new LinkCheckConfigurationException($"{source}: {full} is outside the repository root {root}")
            : relative == "." ? string.Empty : relative;
    }

    private static HttpCheckOptions HttpOptions(CliOptions options, Settings settings)
    {
        var defaults = new HostLimits(
            settings.Value(options.HostConcurrency, "host-concurrency", (c, k) => c.WholeNumber(k)!.Value),
            settings.Value(options.HostRequestInterval, "host-request-interval", (c, k) => c.Duration(k)!.Value));

        // Per-host settings: the file's hosts, then --host-limit (the command line wins for a host both set).
        var overrides = new Dictionary<string, HostLimits>(StringComparer.OrdinalIgnoreCase);
        var headers = new List<HostHeader>();
        foreach (var host in settings.Config?.Hosts ?? [])
        {
            if (host.Concurrency is not null || host.Interval is not null)
            {
                overrides[host.Host] = new HostLimits(host.Concurrency ?? defaults.Concurrency, host.Interval ?? defaults.Interval);
            }

            headers.AddRange(host.Headers);
        }

        foreach (var text in settings.Get(options.HostLimit) ?? [])
        {
            var (host, limits) = HostLimits.Parse(text, defaults);
            overrides[host] = limits;
        }

        headers.AddRange(settings.List(options.Header, "headers").Select(HostHeader.Parse));
        return new HttpCheckOptions
        {
            MaxConcurrency = settings.Value(options.MaxConcurrency, "max-concurrency", (c, k) => c.WholeNumber(k)!.Value),
            HostConcurrency = defaults.Concurrency,
            HostRequestInterval = defaults.Interval,
            HostOverrides = overrides,
            MaxRedirects = settings.Value(options.MaxRedirects, "max-redirects", (c, k) => c.WholeNumber(k)!.Value),
            MaxRetries = settings.Value(options.MaxRetries, "max-retries", (c, k) => c.WholeNumber(k)!.Value),
            MaxRetryWait = settings.Value(options.MaxRetryWait, "max-retry-wait", (c, k) => c.Duration(k)!.Value),
            Timeout = settings.Value(options.Timeout, "timeout", (c, k) => c.Duration(k)!.Value),
            Accept = settings.IsExplicit(options.Accept) || settings.Config?.StatusCodes("accept") is not { } fileAccept
                ? StatusCodeSet.Parse(settings.Get(options.Accept) ?? StatusCodeSet.Default.Text)
                : fileAccept,
            Unverified = settings.Value(options.Unverified, "unverified", (c, k) => c.Text(k)) switch
            {
                "fail" => UnverifiedPolicy.Fail,
                "ignore" => UnverifiedPolicy.Ignore,
                _ => UnverifiedPolicy.Warn,
            },
            AcceptTimeouts = settings.Flag(options.AcceptTimeouts, "accept-timeouts"),
            CheckRemoteFragments = settings.OnUnless(options.NoRemoteFragments, "remote-fragments"),
            UserAgent = settings.Value(options.UserAgent, "user-agent", (c, k) => c.Text(k)) ?? HttpCheckOptions.DefaultUserAgent,
            Headers = headers,
            UseCache = settings.Flag(options.Cache, "cache"),
            CacheFile = settings.Value(options.CacheFile, "cache-file", (c, k) => c.Text(k)) ?? HttpCheckOptions.DefaultCacheFile,
            MaxCacheAge = settings.Value(options.MaxCacheAge, "max-cache-age", (c, k) => c.Duration(k)!.Value),
        };
    }
}
