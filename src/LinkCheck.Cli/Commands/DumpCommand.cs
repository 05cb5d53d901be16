using LinkCheck.Cli.Configuration;
using LinkCheck.Core;
using LinkCheck.Core.Reporting;

namespace LinkCheck.Cli.Commands;

/// <summary><c>--dump</c>: lists every link found, as text or JSON, without checking anything.</summary>
internal static class DumpCommand
{
    /// <summary>Writes the inventory of links to <paramref name="writer"/>.</summary>
    public static async Task<int> RunAsync(RunOptions run, TextWriter writer, CliEnvironment environment, CancellationToken cancellationToken)
    {
        var inventory = new LinkChecker(environment.Time).Collect(run.Check, cancellationToken);
        if (run.Format == ReportFormat.Json)
        {
            await LinkDumpWriter.WriteJsonAsync(inventory, writer, LinkCheckVersion.Current, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await LinkDumpWriter.WriteTextAsync(inventory, writer, cancellationToken).ConfigureAwait(false);
        }

        return ExitCodes.Ok;
    }
}
