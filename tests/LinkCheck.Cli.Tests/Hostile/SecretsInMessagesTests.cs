namespace LinkCheck.Cli.Tests.Hostile;

/// <summary>Issue 9, point 4: no message ever shows a token or a header value.</summary>
public sealed class SecretsInMessagesTests : HostileActionTestBase
{
    private const string Secret = "ghp_S3CRETtokenVALUE";

    [Theory]
    [InlineData("ghp_S3CRET\rtokenVALUE", "a control character (a pasted line break?)")]
    [InlineData("ghp_S3CRET\u0000tokenVALUE", "a control character (a pasted line break?)")]
    [InlineData("ghp_S3CRET tokenVALUE", "a space")]
    [InlineData("ghp_S3CRETtokenVALUÉ", "a non-ASCII character")]
    public async Task Action_TokenWithACharacterNoTokenHas_IsOneErrorThatShowsNoneOfIt(string token, string what)
    {
        var run = await RunActionAsync(new() { ["INPUT_GITHUB-TOKEN"] = token, ["INPUT_PR-COMMENT"] = "true" });

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"linkcheck: the GitHub token from the github-token input contains {what}, which no token has: check the secret (the token is not shown)\n", run.Error);
        Assert.DoesNotContain("S3CRET", run.Out + run.Error, StringComparison.Ordinal);
        Assert.Empty(Api.Requests);
    }

    [Theory]
    [InlineData("127.0.0.2: Authorization: Bearer S3CRET\u0001x")]
    [InlineData("127.0.0.2: Authorization: Bearer S3CRET\nx")]
    [InlineData("Bearer S3CRET")]
    public async Task Cli_BadHeaderValue_IsOneErrorThatShowsNoneOfTheValue(string header)
    {
        Repo.Write("README.md", "# x\n");

        var run = await CliRun.RunAsync(Repo.Root, "--header", header, "--offline");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("linkcheck: --header", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("S3CRET", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_UnexpectedException_ShowsItsTypeButNotItsMessage()
    {
        // The exception of the review's reproduction: HttpClient refuses a header value with a line break and
        // quotes the whole value, token included ("The format of value 'Token ghp_...' is invalid").
        var leaky = Assert.IsType<FormatException>(Record.Exception(() => new HttpRequestMessage().Headers.Add("Authorization", "Token " + Secret + "\r")));
        Assert.Contains(Secret, leaky.Message, StringComparison.Ordinal);
        using var output = new StringWriter();
        using var error = new StringWriter { NewLine = "\n" };
        var environment = new CliEnvironment
        {
            Out = output,
            Error = error,
            GetVariable = name => name == "GITHUB_TOKEN" ? throw leaky : null,
            CurrentDirectory = Repo.Root,
        };

        var code = await LinkCheckCli.RunAsync(["--offline", "."], environment);

        // Before the fix the line was "internal error: FormatException: The format of value 'Token ghp_...' is invalid.".
        Assert.DoesNotContain(Secret, output.ToString() + error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("format of value", error.ToString(), StringComparison.Ordinal);
        Assert.Matches(@"^linkcheck: internal error: FormatException in \S+ \(please report it; the message is not shown as it may hold a secret\)\n\z", error.ToString());
        Assert.Equal(2, code);
    }
}
