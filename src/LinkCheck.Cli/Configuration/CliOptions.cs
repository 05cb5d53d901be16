using System.CommandLine;
using System.Globalization;
using LinkCheck.Core;
using LinkCheck.Core.Resolution;

namespace LinkCheck.Cli.Configuration;

/// <summary>The command line of <c>linkcheck</c>: every option, its help text and its validation, in one place.</summary>
internal sealed class CliOptions
{
    public Argument<string[]> Paths { get; } = new("PATH")
    {
        Description = "Markdown files or directories to check (default: the current directory).",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public Option<bool> Offline { get; } = new("--offline") { Description = "Do not touch the network: external links are reported as skipped." };

    public Option<string> Format { get; } = new("--format", "-f")
    {
        Description = "Report format.",
        DefaultValueFactory = _ => "text",
        HelpName = "text|json|sarif|markdown|junit",
    };

    public Option<string?> Config { get; } = new("--config", "-c")
    {
        Description = "The configuration file (default: .linkcheck.yml or .linkcheck.yaml at the repository root).",
        HelpName = "FILE",
    };

    public Option<string?> Import { get; } = new("--import")
    {
        Description = "Print a .linkcheck.yml equivalent to a lychee.toml or markdown-link-check JSON configuration, and exit.",
        HelpName = "FILE",
    };

    public Option<bool> Fix { get; } = new("--fix") { Description = "Rewrite links that have one unambiguous fix (permanent redirects, anchor case, renamed files) and print the diff." };

    public Option<bool> DryRun { get; } = new("--dry-run") { Description = "With --fix: print the diff without changing any file." };

    public Option<bool> Staged { get; } = new("--staged") { Description = "Check only the markdown files git has staged, and the files that link to what they change (for pre-commit hooks)." };

    public Option<string?> Output { get; } = new("--output", "-o") { Description = "Write the report to FILE instead of standard output.", HelpName = "FILE" };

    public Option<bool> Dump { get; } = new("--dump") { Description = "List every link found, without checking anything." };

    public Option<string[]> Exclude { get; } = new("--exclude")
    {
        Description = "Do not check URLs matching REGEX (repeatable). They are reported as excluded.",
        HelpName = "REGEX",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string[]> ExcludePath { get; } = new("--exclude-path")
    {
        Description = "Do not check files or directories matching GLOB (repeatable; a name without '/' matches at any depth).",
        HelpName = "GLOB",
    };

    public Option<string[]> IncludePath { get; } = new("--include-path")
    {
        Description = "Check only files matching GLOB (repeatable; default: *.md, *.markdown, *.mdown, *.mkd).",
        HelpName = "GLOB",
    };

    public Option<string?> RootDir { get; } = new("--root-dir")
    {
        Description = "The repository root: '/' links start here and nothing outside it is read (default: the git work tree, else the first PATH).",
        HelpName = "DIR",
    };

    public Option<bool> NoGitIgnore { get; } = new("--no-gitignore") { Description = "Also check files that .gitignore and .git/info/exclude ignore." };

    public Option<long> MaxFileSize { get; } = new("--max-file-size")
    {
        Description = "Report larger files as errors instead of parsing them (bytes, or with KB/MB suffix).",
        HelpName = "SIZE",
        DefaultValueFactory = _ => LinkCheckOptions.DefaultMaxFileSize,
        CustomParser = result => ParseSize(result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value, result),
    };

    public Option<string[]> Include { get; } = new("--include")
    {
        Description = "Check only URLs matching REGEX (repeatable); a match wins over every exclusion.",
        HelpName = "REGEX",
    };

    public Option<bool> ExcludePrivate { get; } = new("--exclude-private") { Description = "Do not check http(s) links to private or link-local addresses (10/8, 172.16/12, 192.168/16, 169.254/16, fc00::/7, fe80::/10)." };

    public Option<bool> ExcludeLoopback { get; } = new("--exclude-loopback") { Description = "Do not check http(s) links to localhost and loopback addresses." };

    public Option<string[]> Remap { get; } = new("--remap")
    {
        Description = "Rewrite URLs before checking: 'REGEX REPLACEMENT' (repeatable; the first matching rule applies).",
        HelpName = "'REGEX REPLACEMENT'",
    };

    public Option<string[]> Header { get; } = new("--header")
    {
        Description = "Send a request header to one host only: 'host: Name: value' (repeatable).",
        HelpName = "'HOST: NAME: VALUE'",
    };

    public Option<string> UserAgent { get; } = new("--user-agent")
    {
        Description = "The User-Agent header.",
        HelpName = "UA",
        DefaultValueFactory = _ => HttpCheckOptions.DefaultUserAgent,
    };

    public Option<TimeSpan> Timeout { get; } = DurationOption("--timeout", "Time allowed for one request.", HttpCheckOptions.DefaultTimeout);

    public Option<int> MaxConcurrency { get; } = CountOption("--max-concurrency", "Requests in flight at once, over all hosts.", HttpCheckOptions.DefaultMaxConcurrency, minimum: 1);

    public Option<int> HostConcurrency { get; } = CountOption("--host-concurrency", "Requests in flight at once to one host.", HttpCheckOptions.DefaultHostConcurrency, minimum: 1);

    public Option<TimeSpan> HostRequestInterval { get; } = DurationOption("--host-request-interval", "Minimum time between the starts of two requests to one host.", TimeSpan.Zero);

    public Option<string[]> Site { get; } = new("--site")
    {
        Description = "Judge the markdown under DIR as GENERATOR publishes it (jekyll; github for GitHub's rendering) instead of what detection finds there (repeatable), or 'none' to turn site detection off.",
        HelpName = "GENERATOR=DIR|none",
    };

    public Option<string[]> HostLimit { get; } = new("--host-limit")
    {
        Description = "Limits for one host: 'HOST: concurrency=N, interval=DURATION' (repeatable).",
        HelpName = "'HOST: concurrency=N, interval=D'",
    };

    public Option<int> MaxRedirects { get; } = CountOption("--max-redirects", "Redirects followed before giving up.", HttpCheckOptions.DefaultMaxRedirects, minimum: 0);

    public Option<int> MaxRetries { get; } = CountOption("--max-retries", "Retries after 429, 502, 503, 504, timeouts and connection resets.", HttpCheckOptions.DefaultMaxRetries, minimum: 0);

    public Option<TimeSpan> MaxRetryWait { get; } = DurationOption("--max-retry-wait", "The longest wait before one retry, whatever Retry-After asks.", HttpCheckOptions.DefaultMaxRetryWait);

    public Option<string> Accept { get; } = new("--accept")
    {
        Description = "Status codes that mean the page exists: codes and ranges, e.g. 200..=299,403.",
        HelpName = "CODES",
        DefaultValueFactory = _ => StatusCodeSet.Default.Text,
    };

    public Option<string> Unverified { get; } = new("--unverified")
    {
        Description = "What a server that refuses robots (bot protection, 999, 429 after retries) does to the run.",
        HelpName = "fail|warn|ignore",
        DefaultValueFactory = _ => "warn",
    };

    public Option<bool> AcceptTimeouts { get; } = new("--accept-timeouts") { Description = "Report links that time out after every retry as warnings, not broken." };

    public Option<bool> NoRemoteFragments { get; } = new("--no-remote-fragments") { Description = "Do not check that #fragments exist on external pages." };

    public Option<bool> Cache { get; } = new("--cache") { Description = "Remember successful external checks between runs (failures are always re-checked)." };

    public Option<string> CacheFile { get; } = new("--cache-file")
    {
        Description = "The cache file, relative to the repository root.",
        HelpName = "FILE",
        DefaultValueFactory = _ => HttpCheckOptions.DefaultCacheFile,
    };

    public Option<TimeSpan> MaxCacheAge { get; } = DurationOption("--max-cache-age", "Re-check cached successes older than this.", HttpCheckOptions.DefaultMaxCacheAge);

    public Option<bool> NoFail { get; } = new("--no-fail") { Description = "Exit 0 even when links are broken (the report still lists them)." };

    public Option<string?> ChangedSince { get; } = new("--changed-since")
    {
        Description = "Check only the markdown files changed since the git REF, and the files that link to what changed.",
        HelpName = "REF",
    };

    public Option<bool> OnlyChanged { get; } = new("--only-changed") { Description = "On a pull request in GitHub Actions: check only the files it changed, and the files that link to them (the PR's files come from the API)." };

    public Option<string?> GitHubToken { get; } = new("--github-token")
    {
        Description = "Token for the GitHub API (default: GITHUB_TOKEN or GH_TOKEN). Sent to the API host only.",
        HelpName = "TOKEN",
    };

    public Option<bool> NoAnnotations { get; } = new("--no-annotations") { Description = "In GitHub Actions: no ::error/::warning annotations." };

    public Option<bool> NoJobSummary { get; } = new("--no-job-summary") { Description = "In GitHub Actions: do not write the job summary." };

    public Option<bool> PrComment { get; } = new("--pr-comment") { Description = "On a pull request: keep one comment with the report up to date (needs 'pull-requests: write')." };

    public Option<bool> NoPrComment { get; } = new("--no-pr-comment") { Description = "No pull request comment, even when the configuration file or the action asks for one." };

    public Option<bool> NoSuggestFixes { get; } = new("--no-suggest-fixes") { Description = "On a pull request: do not offer fixes as suggested changes in a review." };

    public Option<bool> CheckRun { get; } = new("--check-run") { Description = "Create a check run with an annotation for every finding (needs 'checks: write')." };

    public Option<bool> NoProgress { get; } = new("--no-progress") { Description = "No live progress line (it is shown only on a terminal, never in CI)." };

    public Option<bool> NoColor { get; } = new("--no-color") { Description = "No colours (also when NO_COLOR is set or the output is not a terminal)." };

    public Option<bool> Quiet { get; } = new("--quiet", "-q") { Description = "Print only broken links and errors." };

    public Option<bool> Verbose { get; } = new("--verbose", "-v") { Description = "Print every link with its status." };

    public RootCommand CreateRootCommand()
    {
        Format.AcceptOnlyFromAmong([.. ConfigSchema.Choices["format"]]);
        Unverified.AcceptOnlyFromAmong("fail", "warn", "ignore");
        var command = new RootCommand("linkcheck: find broken links in markdown (files, heading anchors, URLs) before your readers do.")
        {
            Paths, Config, Offline, Format, Output, Dump, Import, Fix, DryRun, Staged, Exclude, Include, ExcludePath, IncludePath, RootDir, NoGitIgnore, MaxFileSize,
            ExcludePrivate, ExcludeLoopback, Remap, Header, UserAgent, Timeout, MaxConcurrency, HostConcurrency, HostRequestInterval,
            Site, HostLimit, MaxRedirects, MaxRetries, MaxRetryWait, Accept, Unverified, AcceptTimeouts, NoRemoteFragments, Cache, CacheFile,
            MaxCacheAge, NoFail, ChangedSince, OnlyChanged, GitHubToken, NoAnnotations, NoJobSummary, PrComment, NoPrComment, NoSuggestFixes, CheckRun, NoProgress, NoColor, Quiet, Verbose,
        };
        // Print the version of linkcheck itself (the default prints the entry assembly's, which is the test host under tests).
        foreach (var version in command.Options.OfType<VersionOption>())
        {
            version.Action = new PrintVersionAction();
        }

        command.Validators.Add(result =>
        {
            if (result.GetValue(Quiet) && result.GetValue(Verbose))
            {
                result.AddError("--quiet and --verbose cannot be used together.");
            }

            if (result.GetValue(DryRun) && !result.GetValue(Fix))
            {
                result.AddError("--dry-run goes with --fix.");
            }

            if (result.GetValue(Staged) && result.GetValue(ChangedSince) is not null)
            {
                result.AddError("--staged and --changed-since cannot be used together.");
            }

            if (result.GetValue(PrComment) && result.GetValue(NoPrComment))
            {
                result.AddError("--pr-comment and --no-pr-comment cannot be used together.");
            }

            // An unknown option would otherwise be taken for a PATH; a file that starts with '-' can be given as ./-name.
            foreach (var path in result.GetValue(Paths) ?? [])
            {
                if (path.StartsWith('-'))
                {
                    result.AddError($"Unrecognized option '{path}'.");
                }
            }
        });
        return command;
    }

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

    private sealed class PrintVersionAction : System.CommandLine.Invocation.SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(LinkCheckVersion.Current);
            return 0;
        }
    }

    private static long ParseSize(string text, System.CommandLine.Parsing.ArgumentResult result)
    {
        if (Sizes.Parse(text) is { } size)
        {
            return size;
        }

        result.AddError($"--max-file-size: '{text}' is not a size (examples: 1048576, 512KB, 64MB).");
        return 0;
    }
}
