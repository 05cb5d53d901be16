using LinkCheck.Cli.Configuration;
using LinkCheck.Core.Fixing;
using LinkCheck.Core.Model;
using LinkCheck.Core.Reporting;

namespace LinkCheck.Cli.Commands;

/// <summary><c>--fix</c> and <c>--dry-run</c>, after a check: the diff, what was written, and the report of what is left.</summary>
internal static class FixCommand
{
    /// <summary>
    /// --fix: rewrites the unambiguous fixes and prints the diff (on standard error when standard output carries a
    /// machine-readable report), then reports what is left. --dry-run prints the same diff and changes nothing.
    /// </summary>
    public static async Task<CheckReport> RunAsync(CheckReport report, RunOptions run, bool dryRun, CliEnvironment environment, CancellationToken cancellationToken)
    {
        var root = run.Check.RootDirectory;
        var plan = LinkFixer.Plan(report, root);
        var console = run.Format == ReportFormat.Text || run.Output is not null ? environment.Out : environment.Error;
        await console.WriteAsync(UnifiedDiff.Write(plan).AsMemory(), cancellationToken).ConfigureAwait(false);
        foreach (var skipped in plan.Skipped)
        {
            await console.WriteLineAsync($"linkcheck: not fixed: {TerminalText.Escape(skipped.Result.Location.ToString())}: {TerminalText.Escape(skipped.Result.Url ?? string.Empty)}: {skipped.Reason}").ConfigureAwait(false);
        }

        var files = plan.Files.Count;
        if (plan.FixCount == 0)
        {
            await console.WriteLineAsync("linkcheck: nothing to fix").ConfigureAwait(false);
            return report;
        }

        if (dryRun)
        {
            await console.WriteLineAsync($"linkcheck: would fix {Count(plan.FixCount, "link")} in {Count(files, "file")} (--dry-run: nothing written)").ConfigureAwait(false);
            return report;
        }

        var outcome = LinkFixer.Apply(plan, root);
        foreach (var failure in outcome.Failed)
        {
            await console.WriteLineAsync("linkcheck: " + TerminalText.Escape(failure.Problem)).ConfigureAwait(false);
        }

        await console.WriteLineAsync($"linkcheck: fixed {Count(outcome.Fixed.Count, "link")} in {Count(outcome.Written.Count, "file")}").ConfigureAwait(false);

        // The report that follows covers what is left.
        return outcome.Remaining(report);
    }

    private static string Count(int count, string noun) =>
        count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");

}
