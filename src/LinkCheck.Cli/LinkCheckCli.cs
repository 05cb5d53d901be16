using System.CommandLine;
using LinkCheck.Cli.Commands;
using LinkCheck.Cli.Configuration;
using LinkCheck.Cli.GitHubActions;
using LinkCheck.Core;

namespace LinkCheck.Cli;

/// <summary>Parses the command line and runs the check: the whole program, with the process injected.</summary>
public static class LinkCheckCli
{
    /// <summary>Runs <c>linkcheck</c> with <paramref name="args"/> and returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken = default)
    {
        var options = new CliOptions();
        var root = options.CreateRootCommand();
        root.SetAction((parseResult, token) => new CheckCommand(options, parseResult, environment).RunAsync(token));

        // As the GitHub Action, the inputs become the arguments: the action is the CLI plus this adapter.
        if (args.Length == 0 && ActionEnvironment.IsAction(environment))
        {
            try
            {
                args = ActionEnvironment.ArgumentsFromInputs(environment);
            }
            catch (LinkCheckConfigurationException e)
            {
                await environment.Error.WriteLineAsync("linkcheck: " + e.Message).ConfigureAwait(false);
                return ExitCodes.UsageError;
            }
        }

        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            await environment.Error.WriteLineAsync(UsageError(parseResult.Errors)).ConfigureAwait(false);
            return ExitCodes.UsageError;
        }

        var configuration = new InvocationConfiguration
        {
            Output = environment.Out,
            Error = environment.Error,
            EnableDefaultExceptionHandler = false,

            // Signals are handled by ProcessSignals (Program.cs), which also chooses the exit code.
            ProcessTerminationTimeout = null,
        };
        try
        {
            return await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await environment.Error.WriteLineAsync("linkcheck: cancelled").ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }
#pragma warning disable CA1031 // The last line of defence: one clear message and exit code, never a stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            // Only the exception's type and where it was thrown: its message can quote data, and data can be a
            // secret (HttpClient's FormatException quotes a whole header value, token included).
            var where = ThrownIn(e) is { } site ? $" in {site}" : string.Empty;
            await environment.Error.WriteLineAsync($"linkcheck: internal error: {e.GetType().Name}{where} (please report it; the message is not shown as it may hold a secret)").ConfigureAwait(false);
            return ExitCodes.UsageError;
        }
    }

    /// <summary>
    /// A command-line mistake is one line on standard error, with what to do folded in: a second line, or one line
    /// per error, scrolls the first (the one that matters) out of sight in a CI log. The arguments it quotes are the
    /// user's text, escaped like any other before they reach a terminal.
    /// </summary>
    internal static string UsageError(IReadOnlyList<System.CommandLine.Parsing.ParseError> errors)
    {
        var first = errors[0].Message.TrimEnd().TrimEnd('.');
        var more = errors.Count switch
        {
            1 => string.Empty,
            2 => " (and 1 more error)",
            _ => $" (and {errors.Count - 1} more errors)",
        };
        return $"linkcheck: {Core.Model.TerminalText.Escape(first)}{more}; run 'linkcheck --help' for usage";
    }

    /// <summary>
    /// Type.Method where <paramref name="e"/> was thrown, for the internal-error line. TargetSite reads reflection
    /// metadata, which the trimmed builds (the container image, the RID-specific tool packages) may have removed:
    /// then the place is left out, which is all the message loses (IL2026 is about exactly that).
    /// </summary>
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026:RequiresUnreferencedCode",
        Justification = "Only a name for an error message; null when trimming removed the metadata.")]
    private static string? ThrownIn(Exception e) =>
        e.TargetSite is { } site ? $"{site.DeclaringType?.Name}.{site.Name}" : null;

    /// <summary>The version string <c>--version</c> prints.</summary>
    public static string Version => LinkCheckVersion.Current;
}
