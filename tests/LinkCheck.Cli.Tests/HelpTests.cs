namespace LinkCheck.Cli.Tests;

/// <summary>--help: options grouped as a user looks for them, defaults as users write them, the exit codes.</summary>
public sealed class HelpTests
{
    [Fact]
    public async Task Help_GroupsOptionsInTheOrderAUserLooksForThem()
    {
        var run = await CliRun.RunAsync(Path.GetTempPath(), "--help");

        Assert.Equal(0, run.ExitCode);
        var headings = run.Out.Split('\n').Where(l => l.EndsWith(" options:", StringComparison.Ordinal) || l == "Exit codes:").ToList();
        Assert.Equal(["Input options:", "Checking options:", "HTTP options:", "Reports options:", "GitHub options:", "Other options:", "Exit codes:"], headings);
        var http = run.Out[run.Out.IndexOf("HTTP options:", StringComparison.Ordinal)..run.Out.IndexOf("Reports options:", StringComparison.Ordinal)];
        Assert.Contains("--timeout <DURATION>", http, StringComparison.Ordinal);
        Assert.DoesNotContain("--format", http, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_WritesDurationsAndSizesAsUsersWriteThem()
    {
        var run = await CliRun.RunAsync(Path.GetTempPath(), "--help");

        Assert.Contains("[default: 20s]", run.Out, StringComparison.Ordinal);
        Assert.Contains("[default: 1d]", run.Out, StringComparison.Ordinal);
        Assert.Contains("[default: 64MB]", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("00:00:20", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("67108864", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ListsTheExitCodes()
    {
        var run = await CliRun.RunAsync(Path.GetTempPath(), "--help");

        Assert.Contains("Exit codes:\n  0    no broken links", run.Out, StringComparison.Ordinal);
        Assert.Contains("\n  2    usage or configuration error", run.Out, StringComparison.Ordinal);
        Assert.Contains("\n  130  cancelled by SIGINT (Ctrl+C)", run.Out, StringComparison.Ordinal);
    }
}
