using System.Diagnostics;
using LinkCheck.Cli.GitHubActions;

namespace LinkCheck.Cli.Tests.Hostile;

/// <summary>Issue 9, point 7: only regular files are read; a FIFO is never opened (opening one blocks until a writer comes).</summary>
public sealed class FifoTests : HostileActionTestBase
{
    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("mkfifo did not start");
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    [Fact(Timeout = 60_000)]
    public async Task Cli_FifoNamedLikeMarkdown_IsAFileErrorAndTheRestIsChecked()
    {
        MakeFifo(Repo.PathOf("x.md"));

        var run = await Task.Run(() => CliRun.RunAsync(Repo.Root, "--offline", "."));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("x.md", run.Out, StringComparison.Ordinal);
        Assert.Contains("not a regular file", run.Out, StringComparison.Ordinal);
        Assert.Contains("nowhere.md", run.Out, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task Action_FifoAsEventPath_WarnsAndRunsWithoutThePullRequest()
    {
        MakeFifo(Runner.PathOf("fifo.json"));

        var run = await Task.Run(() => RunActionAsync(new() { ["GITHUB_EVENT_PATH"] = Runner.PathOf("fifo.json") }));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("::warning title=linkcheck::GITHUB_EVENT_PATH is not a regular file", run.Out, StringComparison.Ordinal);
        Assert.Equal("1", Outputs()["broken"]);
    }

    [Fact(Timeout = 60_000)]
    public async Task Action_EventPayloadOverGitHubsCap_IsNotRead()
    {
        using (var file = File.Create(Runner.PathOf("huge.json")))
        {
            file.SetLength(ActionEnvironment.MaxEventBytes + 1);
        }

        var run = await RunActionAsync(new() { ["GITHUB_EVENT_PATH"] = Runner.PathOf("huge.json") });

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("::warning title=linkcheck::the event payload is larger than GitHub's 25 MB cap", run.Out, StringComparison.Ordinal);
    }
}
