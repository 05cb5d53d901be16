namespace LinkCheck.Cli.Tests.Hostile;

/// <summary>Issue 9, point 3: with only-changed, an unexpected answer from the API checks everything, never fewer files.</summary>
public sealed class ChangeSelectionFailsClosedTests : HostileActionTestBase
{
    [Theory]
    [InlineData(200, "text/html", "<html><body>Sign in to the proxy</body></html>")]
    [InlineData(200, "application/json", "")]
    [InlineData(200, "application/json", "{\"message\":\"weird\"}")]
    [InlineData(200, "application/json", "[]")]
    [InlineData(500, "application/json", "{\"message\":\"Server Error\"}")]
    public async Task OnlyChanged_UnexpectedFilesAnswer_WarnsAndChecksEveryFile(int status, string contentType, string body)
    {
        Api.RawAnswers["/repos/octo/docs/pulls/12/files"] = (status, contentType, body);

        var run = await RunActionAsync(new() { ["INPUT_ONLY-CHANGED"] = "true" });

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("::warning title=linkcheck::only-changed: ", run.Out, StringComparison.Ordinal);
        Assert.Contains("checking every file", run.Out, StringComparison.Ordinal);
        Assert.Contains("nowhere.md", run.Out, StringComparison.Ordinal);
        Assert.Equal("1", Outputs()["broken"]);
        Assert.DoesNotContain("internal error", run.Error, StringComparison.Ordinal);
    }
}
