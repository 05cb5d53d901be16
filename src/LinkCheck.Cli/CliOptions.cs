using System.CommandLine;
using System.Globalization;
using LinkCheck.Core;

namespace LinkCheck.Cli;

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
        HelpName = "text|json",
    };

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

    public Option<bool> NoColor { get; } = new("--no-color") { Description = "No colours (also when NO_COLOR is set or the output is not a terminal)." };

    public Option<bool> Quiet { get; } = new("--quiet", "-q") { Description = "Print only broken links and errors." };

    public Option<bool> Verbose { get; } = new("--verbose", "-v") { Description = "Print every link with its status." };

    public RootCommand CreateRootCommand()
    {
        Format.AcceptOnlyFromAmong("text", "json");
        var command = new RootCommand("linkcheck: find broken links in markdown (files, heading anchors, URLs) before your readers do.")
        {
            Paths, Offline, Format, Output, Dump, Exclude, ExcludePath, IncludePath, RootDir, NoGitIgnore, MaxFileSize, NoColor, Quiet, Verbose,
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
        var value = text.Trim();
        long factor = 1;
        foreach (var (suffix, multiplier) in new[] { ("KB", 1024L), ("MB", 1024L * 1024), ("GB", 1024L * 1024 * 1024), ("K", 1024L), ("M", 1024L * 1024), ("B", 1L) })
        {
            if (value.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                factor = multiplier;
                value = value[..^suffix.Length].Trim();
                break;
            }
        }

        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0)
        {
            return number * factor;
        }

        result.AddError($"--max-file-size: '{text}' is not a size (examples: 1048576, 512KB, 64MB).");
        return 0;
    }
}
