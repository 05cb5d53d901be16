using System.Net;
using System.Net.Sockets;

namespace LinkCheck.Cli.Tests.Hostile;

/// <summary>
/// Issue 9, point 6: a broken reporting channel is a warning; the outputs and summary that can be written are
/// written, and the links' verdicts decide the exit code. Configuration that cannot work is one clear error.
/// </summary>
public sealed class ActionDegradesTests : HostileActionTestBase
{
    /// <summary>A loopback port with nothing listening: connections are refused.</summary>
    private static string RefusingApi()
    {
        using var listener = new TcpListener(IPAddress.Parse("127.0.0.9"), 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.9:{port}";
    }

    [Theory]
    [InlineData("true", 1)]
    [InlineData("false", 0)]
    public async Task Action_ApiRefusesConnections_WarnsAndStillWritesOutputsAndSummary(string fail, int exitCode)
    {
        var run = await RunActionAsync(new()
        {
            ["GITHUB_API_URL"] = RefusingApi(),
            ["INPUT_PR-COMMENT"] = "true",
            ["INPUT_CHECK-RUN"] = "true",
            ["INPUT_FAIL"] = fail,
        });

        Assert.Equal(exitCode, run.ExitCode);
        Assert.Contains("::warning title=linkcheck::the pull request comment was not published: cannot reach the GitHub API", run.Out, StringComparison.Ordinal);
        Assert.Contains("::warning title=linkcheck::the check run was not published: cannot reach the GitHub API", run.Out, StringComparison.Ordinal);
        Assert.Equal("1", Outputs()["broken"]);
        Assert.Equal("1", Outputs()["exit-code"]);
        Assert.StartsWith("## linkcheck: 1 broken link", await File.ReadAllTextAsync(Runner.PathOf("summary.md")), StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Action_OutputAndSummaryAreDirectories_WarnsAndExitsByTheLinks()
    {
        var run = await RunActionAsync(new()
        {
            ["GITHUB_OUTPUT"] = Runner.CreateDirectory("output-dir"),
            ["GITHUB_STEP_SUMMARY"] = Runner.CreateDirectory("summary-dir"),
        });

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("::warning title=linkcheck::the job summary was not published: cannot write the file", run.Out, StringComparison.Ordinal);
        Assert.Contains("::warning title=linkcheck::the step outputs was not published: cannot write the file", run.Out, StringComparison.Ordinal);
        Assert.Contains("nowhere.md", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Action_SummaryOnAFullDevice_WarnsAndStillWritesTheOutputs()
    {
        Assert.True(File.Exists("/dev/full"), "this test needs /dev/full (Linux)");
        var run = await RunActionAsync(new() { ["GITHUB_STEP_SUMMARY"] = "/dev/full" });

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("::warning title=linkcheck::the job summary was not published", run.Out, StringComparison.Ordinal);
        Assert.Equal("1", Outputs()["broken"]);
    }

    [Theory]
    [InlineData("\"12\"")]
    [InlineData("-3")]
    [InlineData("1.5")]
    public async Task Action_PullRequestNumberNotAPositiveNumber_WarnsAndChecksWithoutThePullRequest(string number)
    {
        WriteEvent(number);

        var run = await RunActionAsync(new() { ["INPUT_PR-COMMENT"] = "true" });

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("::warning title=linkcheck::the event payload's pull request number is not a positive whole number", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("read-only", run.Out, StringComparison.Ordinal);
        Assert.Empty(Api.Requests);
        Assert.Equal("1", Outputs()["broken"]);
    }

    [Theory]
    [InlineData("GITHUB_API_URL", "notaurl")]
    [InlineData("GITHUB_API_URL", "ftp://api.example.com")]
    [InlineData("GITHUB_SERVER_URL", "github dot com")]
    public async Task Action_ApiUrlThatIsNotAnAddress_IsAnError(string variable, string value)
    {
        var run = await RunActionAsync(new() { [variable] = value });

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"linkcheck: {variable} '{value}' is not an http(s) address\n", run.Error);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0s")]
    [InlineData("25d")]
    [InlineData("2147483648ms")]
    public async Task Cli_TimeoutOutOfRange_IsOneClearError(string timeout)
    {
        var run = await CliRun.RunAsync(Repo.Root, "--timeout", timeout);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("linkcheck: timeout: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("is out of range: more than 0 and at most 24d", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("timeout: 0s", "timeout")]
    [InlineData("timeout: 30d", "timeout")]
    [InlineData("max-retry-wait: 300d", "max-retry-wait")]
    [InlineData("host-request-interval: 100d", "host-request-interval")]
    public async Task Cli_ConfigDurationOutOfRange_IsOneClearError(string line, string key)
    {
        Repo.Write(".linkcheck.yml", line + "\n");

        var run = await CliRun.RunAsync(Repo.Root, ".");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"linkcheck: {key}: ", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", run.Error, StringComparison.Ordinal);
    }
}
