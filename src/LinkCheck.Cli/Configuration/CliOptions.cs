using System.CommandLine;
using System.Globalization;
using LinkCheck.Core;
using LinkCheck.Core.Resolution;

namespace LinkCheck.Cli.Configuration;

/// <summary>
/// The command line of <c>linkcheck</c>: the PATH argument, the options that are commands or secrets (no configuration
/// key), and every setting's option from <see cref="SettingsTable"/>; with the checks that span options.
/// </summary>
internal sealed class CliOptions
{
    public Argument<string[]> Paths { get; } = new("PATH")
    {
        Description = "Markdown files or directories to check (default: the current directory); - reads markdown from standard input.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public Option<string?> Config { get; } = new("--config", "-c")
    {
        Description = "The configuration file (default: .linkcheck.yml or .linkcheck.yaml at the repository root).",
        HelpName = "FILE",
    };

    public Option<string?> Import { get; } = new("--import")
    {
        Description = "Print a .linkcheck.yml equivalent to a lychee.toml, a .lycheeignore or a markdown-link-check JSON configuration, and exit.",
        HelpName = "FILE",
    };

    public Option<bool> Fix { get; } = new("--fix") { Description = "Rewrite links that have one unambiguous fix (permanent redirects, anchor case, renamed files) and print the diff." };

    public Option<bool> DryRun { get; } = new("--dry-run") { Description = "With --fix: print the diff without changing any file." };

    public Option<bool> Staged { get; } = new("--staged") { Description = "Check only the markdown files git has staged, and the files that link to what they change (for pre-commit hooks)." };

    public Option<bool> Dump { get; } = new("--dump") { Description = "List every link found, without checking anything." };

    public Option<string?> GitHubToken { get; } = new("--github-token")
    {
        Description = "Token for the GitHub API (default: GITHUB_TOKEN or GH_TOKEN). Sent to the API host only.",
        HelpName = "TOKEN",
    };

    /// <summary>The options that are commands or secrets, not settings: they have no configuration key on purpose.</summary>
    public IReadOnlyList<Option> CommandOnly => [Config, Dump, Import, Fix, DryRun, Staged, GitHubToken];

    public RootCommand CreateRootCommand()
    {
        var command = new RootCommand("linkcheck: find broken links in markdown (files, heading anchors, URLs) before your readers do.") { Paths };
        foreach (var option in CommandOnly.Concat(SettingsTable.All.SelectMany(s => s.Options)))
        {
            command.Add(option);
        }

        // --help groups the options as the settings table does, writes defaults as users write them, lists exit codes.
        var groups = HelpLayout.Groups(
            SettingsTable.All.SelectMany(s => s.Options.Select(o => (o, HelpLayout.Heading(s.Group))))
                .Concat([(Config, "Input"), (Staged, "Input"), (Fix, "Checking"), (DryRun, "Checking"), (Dump, "Reports"), (GitHubToken, "GitHub")]));
        foreach (var help in command.Options.OfType<System.CommandLine.Help.HelpOption>())
        {
            help.Action = new HelpLayout((System.CommandLine.Invocation.SynchronousCommandLineAction)help.Action!, groups);
        }

        // Print the version of linkcheck itself (the default prints the entry assembly's, which is the test host under tests).
        foreach (var version in command.Options.OfType<VersionOption>())
        {
            version.Action = new PrintVersionAction();
        }

        // --help ends with the exit codes (README.md, "Exit codes").
        foreach (var help in command.Options.OfType<System.CommandLine.Help.HelpOption>())
        {
            help.Action = new HelpWithExitCodesAction((System.CommandLine.Invocation.SynchronousCommandLineAction)help.Action!);
        }

        command.Validators.Add(result =>
        {
            if (result.GetValue(SettingsTable.Quiet.Option) && result.GetValue(SettingsTable.Verbose.Option))
            {
                result.AddError("--quiet and --verbose cannot be used together.");
            }

            if (result.GetValue(DryRun) && !result.GetValue(Fix))
            {
                result.AddError("--dry-run goes with --fix.");
            }

            if (result.GetValue(Staged) && result.GetValue(SettingsTable.ChangedSince.Option) is not null)
            {
                result.AddError("--staged and --changed-since cannot be used together.");
            }

            if (result.GetValue(SettingsTable.PrComment.Option) && result.GetValue(SettingsTable.PrComment.Opposite!))
            {
                result.AddError("--pr-comment and --no-pr-comment cannot be used together.");
            }

            // An unknown option would otherwise be taken for a PATH; a file that starts with '-' can be given as ./-name.
            // A lone '-' is standard input, as for cat and lychee (POSIX utility conventions, guideline 13).
            foreach (var path in result.GetValue(Paths) ?? [])
            {
                if (path.StartsWith('-') && path != "-")
                {
                    result.AddError($"Unrecognized option '{path}'.");
                }
            }
        });
        return command;
    }

    private sealed class PrintVersionAction : System.CommandLine.Invocation.SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(LinkCheckVersion.Current);
            return 0;
        }
    }

    private sealed class HelpWithExitCodesAction(System.CommandLine.Invocation.SynchronousCommandLineAction help) : System.CommandLine.Invocation.SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var code = help.Invoke(parseResult);
            parseResult.InvocationConfiguration.Output.WriteLine(ExitCodes.Help);
            return code;
        }
    }
}
