using System.CommandLine;
using System.CommandLine.Parsing;
using LinkCheck.Core;
using LinkCheck.Core.Filtering;
using LinkCheck.Core.Model;
using LinkCheck.Core.Planning;
using LinkCheck.Core.Reporting;
using LinkCheck.Core.Resolution;

namespace LinkCheck.Cli.Configuration;

/// <summary>
/// Every setting of linkcheck, one row each: key, option, type, help group, action input and where the value
/// goes. The command line (<see cref="CliOptions"/>), the configuration loader (<see cref="ConfigSchema"/>), the
/// action's inputs (<see cref="GitHubActions.ActionEnvironment"/>) and the help are derived from these rows; the
/// defaults are Core's named constants. Rows are applied in order, so a row may build on an earlier one
/// (<c>hosts</c> on <c>host-concurrency</c>). docs/linkcheck.schema.json and docs/linkcheck.example.yml describe the
/// same keys, and tests keep them equal.
/// </summary>
internal static class SettingsTable
{
    private static readonly string[] UnverifiedChoices = ["fail", "warn", "ignore"];
    private static readonly string[] MethodChoices = ["head", "get"];

    // Input: which files are read.

    /// <summary><c>paths</c>: settled with the configuration file's location (see <see cref="RunOptions.Resolve"/>).</summary>
    public static CustomSetting Paths { get; } = new(ConfigKeyType.TextList, [], (run, _) => run) { Key = "paths", Group = SettingGroup.Input };

    /// <summary><c>root-dir</c>: settled with the configuration file's location (see <see cref="RunOptions.Resolve"/>).</summary>
    public static CustomSetting RootDir { get; } = new(
        ConfigKeyType.Text,
        [new Option<string?>("--root-dir") { Description = "The repository root: '/' links start here and nothing outside it is read (default: the git work tree; outside git, the current directory, or the folder that holds every PATH).", HelpName = "DIR" }],
        (run, _) => run)
    { Key = "root-dir", Group = SettingGroup.Input };

    public static ListSetting IncludePath { get; } = new(
        new("--include-path") { Description = "Check only files matching GLOB (repeatable; default: *.md, *.markdown, *.mdown, *.mkd).", HelpName = "GLOB" },
        (run, v) => run with { Check = run.Check with { IncludePaths = v } })
    { Key = "include-path", Group = SettingGroup.Input };

    public static ListSetting ExcludePath { get; } = new(
        new("--exclude-path") { Description = "Do not check files or directories matching GLOB (repeatable; a name without '/' matches at any depth).", HelpName = "GLOB" },
        (run, v) => run with { Check = run.Check with { ExcludePaths = v } })
    { Key = "exclude-path", Group = SettingGroup.Input };

    public static FlagSetting GitIgnore { get; } = new(
        "--no-gitignore", "Also check files that .gitignore and .git/info/exclude ignore.",
        (run, v) => run with { Check = run.Check with { UseGitIgnore = v } })
    { Key = "gitignore", Group = SettingGroup.Input };

    public static ValueSetting<long> MaxFileSize { get; } = new(
        SizeOption("--max-file-size", "Report larger files as errors instead of parsing them (bytes, or with KB/MB suffix).", LinkCheckOptions.DefaultMaxFileSize),
        ConfigKeyType.Size,
        (run, v) => run with { Check = run.Check with { MaxFileSize = v } })
    { Key = "max-file-size", Group = SettingGroup.Input };

    // Checking: which links are checked and what counts as broken.

    public static FlagSetting Offline { get; } = new(
        "--offline", "Do not touch the network: external links are reported as skipped.",
        (run, v) => run with { Check = run.Check with { Offline = v } })
    { Key = "offline", Group = SettingGroup.Checking, ActionInput = ("offline", false) };

    public static ListSetting Exclude { get; } = new(
        new("--exclude") { Description = "Do not check URLs matching REGEX (repeatable). They are reported as excluded.", HelpName = "REGEX", AllowMultipleArgumentsPerToken = false },
        (run, v) => run with { Check = run.Check with { ExcludeUrls = v } })
    { Key = "exclude", Group = SettingGroup.Checking, Check = (item, source) => UrlPattern.Validate(item, source), ActionInput = "exclude" };

    public static ListSetting Include { get; } = new(
        new("--include") { Description = "Check only URLs matching REGEX (repeatable); a match wins over every exclusion.", HelpName = "REGEX" },
        (run, v) => run with { Check = run.Check with { IncludeUrls = v } })
    { Key = "include", Group = SettingGroup.Checking, Check = (item, source) => UrlPattern.Validate(item, source) };

    public static FlagSetting ExcludePrivate { get; } = new(
        "--exclude-private", "Do not check http(s) links to private or link-local addresses (10/8, 172.16/12, 192.168/16, 169.254/16, fc00::/7, fe80::/10).",
        (run, v) => run with { Check = run.Check with { ExcludePrivate = v } })
    { Key = "exclude-private", Group = SettingGroup.Checking };

    public static FlagSetting ExcludeLoopback { get; } = new(
        "--exclude-loopback", "Do not check http(s) links to localhost and loopback addresses.",
        (run, v) => run with { Check = run.Check with { ExcludeLoopback = v } })
    { Key = "exclude-loopback", Group = SettingGroup.Checking };

    /// <summary>
    /// <c>sites:</c> in the file (root, generator, base-url; or <c>none</c>) and <c>--site GENERATOR=DIR|none</c> on
    /// the command line (see <see cref="SiteSettings"/>).
    /// </summary>
    public static CustomSetting Sites { get; } = new(
        ConfigKeyType.Sites,
        [new Option<string[]>("--site") { Description = "Judge the markdown under DIR as GENERATOR publishes it (jekyll, hugo, mkdocs, mdbook, docfx, docusaurus; github for GitHub's rendering) instead of what detection finds there (repeatable), or 'none' to turn site detection off.", HelpName = "GENERATOR=DIR|none" }],
        (run, s) => SiteSettings.Apply(run, s.Config, s.Get((Option<string[]>)Sites!.Options[0]) ?? []))
    { Key = "sites", Group = SettingGroup.Checking, ActionInput = "sites" };

    public static ListSetting Remap { get; } = new(
        new("--remap") { Description = "Rewrite URLs before checking: 'REGEX REPLACEMENT' (repeatable; the first matching rule applies).", HelpName = "'REGEX REPLACEMENT'" },
        (run, v) => run with { Check = run.Check with { Remaps = v } })
    { Key = "remap", Group = SettingGroup.Checking, Check = (item, source) => UrlRemapper.Create([item], source) };

    public static ListSetting Scheme { get; } = new(
        new("--scheme") { Description = "Check only links with these schemes, e.g. https (repeatable or comma-separated); relative links are always checked.", HelpName = "SCHEME" },
        (run, v) => run with { Check = run.Check with { Schemes = [.. v.SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))] } })
    { Key = "scheme", Group = SettingGroup.Checking };

    public static FlagSetting RequireHttps { get; } = new(
        "--require-https", "Warn about http:// links whose https:// form works, with that fix.",
        (run, v) => Http(run, h => h with { RequireHttps = v }))
    { Key = "require-https", Group = SettingGroup.Checking };

    public static CustomSetting Accept { get; } = new(
        ConfigKeyType.StatusCodes,
        [new Option<string>("--accept") { Description = "Status codes that mean the page exists: codes and ranges, e.g. 200..=299,403.", HelpName = "CODES", DefaultValueFactory = _ => StatusCodeSet.Default.Text }],
        (run, s) => Http(run, h => h with
        {
            Accept = s.IsExplicit(AcceptOption) || s.Config?.StatusCodes("accept") is not { } fromFile
                ? StatusCodeSet.Parse(s.Get(AcceptOption) ?? StatusCodeSet.Default.Text, "--accept")
                : fromFile,
        }))
    { Key = "accept", Group = SettingGroup.Checking };

    public static ValueSetting<string> Unverified { get; } = new(
        Choose(new Option<string>("--unverified") { Description = "What a server that refuses robots (bot protection, 999, 429 after retries) does to the run.", HelpName = "fail|warn|ignore", DefaultValueFactory = _ => "warn" }, UnverifiedChoices),
        ConfigKeyType.Text,
        (run, v) => Http(run, h => h with
        {
            Unverified = v switch
            {
                "fail" => UnverifiedPolicy.Fail,
                "ignore" => UnverifiedPolicy.Ignore,
                _ => UnverifiedPolicy.Warn,
            },
        }))
    { Key = "unverified", Group = SettingGroup.Checking, Choices = UnverifiedChoices };

    public static FlagSetting AcceptTimeouts { get; } = new(
        "--accept-timeouts", "Report links that time out after every retry as warnings, not broken.",
        (run, v) => Http(run, h => h with { AcceptTimeouts = v }))
    { Key = "accept-timeouts", Group = SettingGroup.Checking };

    public static FlagSetting RemoteFragments { get; } = new(
        "--no-remote-fragments", "Do not check that #fragments exist on external pages.",
        (run, v) => Http(run, h => h with { CheckRemoteFragments = v }))
    { Key = "remote-fragments", Group = SettingGroup.Checking };

    // HTTP: how external links are requested.

    public static ValueSetting<string> UserAgent { get; } = new(
        new Option<string>("--user-agent") { Description = "The User-Agent header.", HelpName = "UA", DefaultValueFactory = _ => HttpCheckOptions.DefaultUserAgent },
        ConfigKeyType.Text,
        (run, v) => Http(run, h => h with { UserAgent = v ?? HttpCheckOptions.DefaultUserAgent }))
    { Key = "user-agent", Group = SettingGroup.Http };

    public static ValueSetting<TimeSpan> Timeout { get; } = new(
        DurationOption("--timeout", "Time allowed for one request.", HttpCheckOptions.DefaultTimeout),
        ConfigKeyType.Duration,
        (run, v) => Http(run, h => h with { Timeout = v }))
    { Key = "timeout", Group = SettingGroup.Http };

    public static ValueSetting<int> MaxConcurrency { get; } = new(
        CountOption("--max-concurrency", "Requests in flight at once, over all hosts.", HttpCheckOptions.DefaultMaxConcurrency, minimum: 1),
        ConfigKeyType.WholeNumber,
        (run, v) => Http(run, h => h with { MaxConcurrency = v }))
    { Key = "max-concurrency", Group = SettingGroup.Http, Minimum = 1 };

    public static ValueSetting<int> HostConcurrency { get; } = new(
        CountOption("--host-concurrency", "Requests in flight at once to one host.", HttpCheckOptions.DefaultHostConcurrency, minimum: 1),
        ConfigKeyType.WholeNumber,
        (run, v) => Http(run, h => h with { HostConcurrency = v }))
    { Key = "host-concurrency", Group = SettingGroup.Http, Minimum = 1 };

    public static ValueSetting<TimeSpan> HostRequestInterval { get; } = new(
        DurationOption("--host-request-interval", "Minimum time between the starts of two requests to one host.", TimeSpan.Zero),
        ConfigKeyType.Duration,
        (run, v) => Http(run, h => h with { HostRequestInterval = v }))
    { Key = "host-request-interval", Group = SettingGroup.Http };

    /// <summary>
    /// <c>hosts:</c> in the file (concurrency, interval, headers, insecure per host) and <c>--host-limit</c> on the command
    /// line; the command line wins for a host both set. Builds on <see cref="HostConcurrency"/> and
    /// <see cref="HostRequestInterval"/>, which come earlier in the table.
    /// </summary>
    public static CustomSetting Hosts { get; } = new(
        ConfigKeyType.Hosts,
        [new Option<string[]>("--host-limit") { Description = "Limits for one host: 'HOST: concurrency=N, interval=DURATION' (repeatable).", HelpName = "'HOST: concurrency=N, interval=D'" }],
        (run, s) =>
        {
            var http = run.Check.Http;
            var defaults = new HostLimits(http.HostConcurrency, http.HostRequestInterval);
            var overrides = new Dictionary<string, HostLimits>(StringComparer.OrdinalIgnoreCase);
            var headers = new List<HostHeader>(http.Headers);
            var insecureHosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var host in s.Config?.Hosts ?? [])
            {
                if (host.Concurrency is not null || host.Interval is not null)
                {
                    overrides[host.Host] = new HostLimits(host.Concurrency ?? defaults.Concurrency, host.Interval ?? defaults.Interval);
                }

                headers.AddRange(host.Headers);
                if (host.Insecure)
                {
                    insecureHosts.Add(host.Host);
                }
            }

            foreach (var text in s.Get(HostLimitOption) ?? [])
            {
                var (host, limits) = HostLimits.Parse(text, defaults, "--host-limit");
                overrides[host] = limits;
            }

            return Http(run, h => h with { HostOverrides = overrides, Headers = headers, InsecureHosts = insecureHosts });
        })
    { Key = "hosts", Group = SettingGroup.Http };

    public static ListSetting Headers { get; } = new(
        new("--header") { Description = "Send a request header to one host only: 'host: Name: value' (repeatable).", HelpName = "'HOST: NAME: VALUE'" },
        (run, v) => Http(run, h => h with { Headers = [.. h.Headers, .. v.Select(text => HostHeader.Parse(text, "--header"))] }))
    { Key = "headers", Group = SettingGroup.Http };

    public static ListSetting BasicAuth { get; } = new(
        new("--basic-auth") { Description = "HTTP Basic credentials for one host only, never sent after a redirect to another origin: 'HOST: user:password' (repeatable).", HelpName = "'HOST: USER:PASSWORD'" },
        (run, v) => Http(run, h => h with { Headers = [.. h.Headers, .. v.Select(BasicCredentials.Parse)] }))
    { Key = "basic-auth", Group = SettingGroup.Http, Check = (item, _) => BasicCredentials.Parse(item) };

    public static ValueSetting<string> Method { get; } = new(
        Choose(new Option<string>("--method") { Description = "The first request for a URL: head (GET when HEAD is refused, hangs, or a fragment needs the page) or get.", HelpName = "head|get", DefaultValueFactory = _ => "head" }, MethodChoices),
        ConfigKeyType.Text,
        (run, v) => Http(run, h => h with { Method = v == "get" ? RequestMethod.Get : RequestMethod.Head }))
    { Key = "method", Group = SettingGroup.Http, Choices = MethodChoices };

    public static FlagSetting Insecure { get; } = new(
        "--insecure", "Accept invalid TLS certificates (for one host only: hosts: HOST: insecure: true in the config file).",
        (run, v) => Http(run, h => h with { Insecure = v }))
    { Key = "insecure", Group = SettingGroup.Http };

    public static ValueSetting<int> MaxRedirects { get; } = new(
        CountOption("--max-redirects", "Redirects followed before giving up.", HttpCheckOptions.DefaultMaxRedirects, minimum: 0),
        ConfigKeyType.WholeNumber,
        (run, v) => Http(run, h => h with { MaxRedirects = v }))
    { Key = "max-redirects", Group = SettingGroup.Http };

    public static ValueSetting<int> MaxRetries { get; } = new(
        CountOption("--max-retries", "Retries after 429, 500, 502, 503, 504 and connection resets (a timeout or a refused connection is retried once).", HttpCheckOptions.DefaultMaxRetries, minimum: 0),
        ConfigKeyType.WholeNumber,
        (run, v) => Http(run, h => h with { MaxRetries = v }))
    { Key = "max-retries", Group = SettingGroup.Http };

    public static ValueSetting<TimeSpan> MaxRetryWait { get; } = new(
        DurationOption("--max-retry-wait", "The longest wait before one retry, whatever Retry-After asks.", HttpCheckOptions.DefaultMaxRetryWait),
        ConfigKeyType.Duration,
        (run, v) => Http(run, h => h with { MaxRetryWait = v }))
    { Key = "max-retry-wait", Group = SettingGroup.Http };

    public static FlagSetting Cache { get; } = new(
        "--cache", "Remember successful external checks between runs (failures are always re-checked).",
        (run, v) => Http(run, h => h with { UseCache = v }))
    { Key = "cache", Group = SettingGroup.Http };

    public static ValueSetting<string> CacheFile { get; } = new(
        new Option<string>("--cache-file") { Description = "The cache file, relative to the repository root.", HelpName = "FILE", DefaultValueFactory = _ => HttpCheckOptions.DefaultCacheFile },
        ConfigKeyType.Text,
        (run, v) => Http(run, h => h with { CacheFile = v ?? HttpCheckOptions.DefaultCacheFile }))
    { Key = "cache-file", Group = SettingGroup.Http };

    public static ValueSetting<TimeSpan> MaxCacheAge { get; } = new(
        DurationOption("--max-cache-age", "Re-check cached successes older than this.", HttpCheckOptions.DefaultMaxCacheAge),
        ConfigKeyType.Duration,
        (run, v) => Http(run, h => h with { MaxCacheAge = v }))
    { Key = "max-cache-age", Group = SettingGroup.Http };

    // Reports: what is printed and how the run ends.

    public static ValueSetting<string> Format { get; } = new(
        Choose(new Option<string>("--format", "-f") { Description = "Report format.", DefaultValueFactory = _ => "text", HelpName = string.Join('|', ReportFormats.Names) }, ReportFormats.Names),
        ConfigKeyType.Text,
        (run, v) => run with { Format = ReportFormats.Parse(v ?? "text") })
    { Key = "format", Group = SettingGroup.Reports, Choices = ReportFormats.Names };

    /// <summary><c>output</c>: a path on the command line is relative to the current directory, in the file to the file.</summary>
    public static CustomSetting Output { get; } = new(
        ConfigKeyType.Text,
        [new Option<string?>("--output", "-o") { Description = "Write the report to FILE instead of standard output.", HelpName = "FILE" }],
        (run, s) => run with
        {
            Output = s.IsExplicit(OutputOption) || s.Config?.Text("output") is not { } fromFile
                ? s.Get(OutputOption) is { } fromCli ? Path.GetFullPath(fromCli, run.CurrentDirectory) : null
                : Path.GetFullPath(fromFile, s.Config.Directory),
        })
    { Key = "output", Group = SettingGroup.Reports };

    public static FlagSetting Fail { get; } = new(
        "--no-fail", "Exit 0 even when links are broken (the report still lists them).",
        (run, v) => run with { Fail = v })
    { Key = "fail", Group = SettingGroup.Reports, ActionInput = ("fail", true) };

    public static FlagSetting Progress { get; } = new(
        "--no-progress", "No live progress line (it is shown only on a terminal, never in CI).",
        (run, v) => run with { Progress = v })
    { Key = "progress", Group = SettingGroup.Reports };

    public static FlagSetting Color { get; } = new(
        "--no-color", "No colours (also when NO_COLOR is set or the output is not a terminal).",
        (run, v) => run with { Color = v })
    { Key = "color", Group = SettingGroup.Reports };

    public static FlagSetting Quiet { get; } = new(
        "--quiet", "Print only broken links and errors.",
        (run, v) => run with { Quiet = v },
        "-q")
    { Key = "quiet", Group = SettingGroup.Reports };

    public static FlagSetting Verbose { get; } = new(
        "--verbose", "Print every link with its status (external links with their status code and time).",
        (run, v) => run with { Verbose = v },
        "-v")
    { Key = "verbose", Group = SettingGroup.Reports };

    // GitHub: pull requests, annotations and the other GitHub outputs.

    public static ValueSetting<string?> ChangedSince { get; } = new(
        new Option<string?>("--changed-since") { Description = "Check only the markdown files changed since the git REF, and the files that link to what changed.", HelpName = "REF" },
        ConfigKeyType.Text,
        (run, v) => run with { ChangedSince = v })
    { Key = "changed-since", Group = SettingGroup.GitHub };

    public static FlagSetting OnlyChanged { get; } = new(
        "--only-changed", "On a pull request in GitHub Actions: check only the files it changed, and the files that link to them (the PR's files come from the API).",
        (run, v) => run with { OnlyChanged = v })
    { Key = "only-changed", Group = SettingGroup.GitHub, ActionInput = ("only-changed", false) };

    public static FlagSetting Annotations { get; } = new(
        "--no-annotations", "In GitHub Actions: no ::error/::warning annotations.",
        (run, v) => run with { Annotations = v })
    { Key = "annotations", Group = SettingGroup.GitHub, ActionInput = ("annotations", true) };

    public static FlagSetting JobSummary { get; } = new(
        "--no-job-summary", "In GitHub Actions: do not write the job summary.",
        (run, v) => run with { JobSummary = v })
    { Key = "job-summary", Group = SettingGroup.GitHub, ActionInput = ("job-summary", true) };

    /// <summary>
    /// The comment is on by default in the action (its input defaults to true) and off on the command line; an
    /// input left at its default does not override the configuration file.
    /// </summary>
    public static FlagSetting PrComment { get; } = new(
        "--pr-comment", "On a pull request: keep one comment with the report up to date (needs 'pull-requests: write').",
        (run, v) => run with { PrComment = v })
    {
        Key = "pr-comment",
        Group = SettingGroup.GitHub,
        Opposite = new Option<bool>("--no-pr-comment") { Description = "No pull request comment, even when the configuration file or the action asks for one." },
        ActionInput = ("pr-comment", true),
    };

    public static FlagSetting SuggestFixes { get; } = new(
        "--no-suggest-fixes", "On a pull request: do not offer fixes as suggested changes in a review.",
        (run, v) => run with { SuggestFixes = v })
    { Key = "suggest-fixes", Group = SettingGroup.GitHub, ActionInput = ("suggest-fixes", true) };

    public static FlagSetting CheckRun { get; } = new(
        "--check-run", "Create a check run with an annotation for every finding (needs 'checks: write').",
        (run, v) => run with { CheckRun = v })
    { Key = "check-run", Group = SettingGroup.GitHub, ActionInput = ("check-run", false) };

    public static FlagSetting ReportIssue { get; } = new(
        "--report-issue", "Keep one issue open with the report while links are broken; close it when every link works again (needs 'issues: write').",
        (run, v) => run with { ReportIssue = v })
    { Key = "report-issue", Group = SettingGroup.GitHub, ActionInput = ("issue", false) };

    /// <summary>Every row, in the order they are applied and listed.</summary>
    public static IReadOnlyList<Setting> All { get; } =
    [
        Paths, RootDir, IncludePath, ExcludePath, GitIgnore, MaxFileSize,
        Offline, Exclude, Include, ExcludePrivate, ExcludeLoopback, Scheme, Remap, RequireHttps, Sites, Accept, Unverified, AcceptTimeouts, RemoteFragments,
        UserAgent, Timeout, MaxConcurrency, HostConcurrency, HostRequestInterval, Hosts, Headers, BasicAuth, Method, Insecure, MaxRedirects, MaxRetries, MaxRetryWait,
        Cache, CacheFile, MaxCacheAge,
        Format, Output, Fail, Progress, Color, Quiet, Verbose,
        ChangedSince, OnlyChanged, Annotations, JobSummary, PrComment, SuggestFixes, CheckRun, ReportIssue,
    ];

    private static Option<string> AcceptOption => (Option<string>)Accept.Options[0];

    private static Option<string[]> HostLimitOption => (Option<string[]>)Hosts.Options[0];

    private static Option<string?> OutputOption => (Option<string?>)Output.Options[0];

    /// <summary>The <c>--root-dir</c> option.</summary>
    public static Option<string?> RootDirOption => (Option<string?>)RootDir.Options[0];

    /// <summary>
    /// Restricts an option to <paramref name="choices"/> with a one-line error that lists them (System.CommandLine's
    /// own AcceptOnlyFromAmong prints one choice per line).
    /// </summary>
    private static Option<string> Choose(Option<string> option, IReadOnlyList<string> choices)
    {
        option.CompletionSources.Add([.. choices]);
        option.Validators.Add(result =>
        {
            var value = result.Tokens.Count == 0 ? null : result.Tokens[^1].Value;
            if (value is not null && !choices.Contains(value, StringComparer.Ordinal))
            {
                result.AddError($"{option.Name}: '{value}' is not one of {string.Join(", ", choices)}.");
            }
        });
        return option;
    }

    private static RunOptions Http(RunOptions run, Func<HttpCheckOptions, HttpCheckOptions> change) =>
        run with { Check = run.Check with { Http = change(run.Check.Http) } };

    private static Option<TimeSpan> DurationOption(string name, string description, TimeSpan defaultValue) => new(name)
    {
        Description = description + " Examples: 500ms, 20s, 2m, 1d.",
        HelpName = "DURATION",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
            if (Durations.TryParse(text, out var duration))
            {
                return duration;
            }

            result.AddError($"{name}: '{text}' is not a duration (examples: 500ms, 20s, 2m, 1d).");
            return defaultValue;
        },
    };

    private static Option<int> CountOption(string name, string description, int defaultValue, int minimum)
    {
        var option = new Option<int>(name) { Description = description, HelpName = "N", DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < minimum)
            {
                result.AddError($"{name} must be at least {minimum}.");
            }
        });
        return option;
    }

    private static Option<long> SizeOption(string name, string description, long defaultValue) => new(name)
    {
        Description = description,
        HelpName = "SIZE",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
            if (Sizes.Parse(text) is { } size)
            {
                return size;
            }

            result.AddError($"{name}: '{text}' is not a size (examples: 1048576, 512KB, 64MB).");
            return 0;
        },
    };
}
