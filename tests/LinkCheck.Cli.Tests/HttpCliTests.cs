using Microsoft.AspNetCore.Http;

namespace LinkCheck.Cli.Tests;

/// <summary>The CLI's HTTP options and progress line, against a real server on loopback.</summary>
public sealed class HttpCliTests : IAsyncLifetime
{
    private readonly TempDirectory _repo = new();
    private LoopbackServer _server = null!;
    private TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task InitializeAsync()
    {
        _repo.InitGit();
        _gate.SetResult();
        _server = await LoopbackServer.StartAsync("127.0.0.2", async context =>
        {
            await _gate.Task;
            switch (context.Request.Path.Value)
            {
                case "/missing":
                    context.Response.StatusCode = 404;
                    break;
                case "/robots":
                    context.Response.StatusCode = 999;
                    break;
                default:
                    context.Response.StatusCode = 200;
                    break;
            }
        });
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _repo.Dispose();
    }

    [Fact]
    public async Task Run_ExternalLinks_AreCheckedAndBrokenOnesFailTheRun()
    {
        _repo.Write("README.md", $"[ok]({_server.Url("/ok")})\n\n[gone]({_server.Url("/missing")})\n");

        var run = await CliRun.RunAsync(_repo.Root);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"README.md:3:8: broken: {_server.Url("/missing")}\n      404 Not Found\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("1 ok, 1 broken", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("warn", 0, true)]
    [InlineData("fail", 1, true)]
    [InlineData("ignore", 0, false)]
    public async Task Run_UnverifiedPolicy_DecidesTheExitCodeAndWhatIsShown(string policy, int exitCode, bool shown)
    {
        _repo.Write("README.md", $"[profile]({_server.Url("/robots")})\n");

        var run = await CliRun.RunAsync(_repo.Root, "--unverified", policy);

        Assert.Equal(exitCode, run.ExitCode);
        Assert.Equal(shown, run.Out.Contains("unverified: " + _server.Url("/robots"), StringComparison.Ordinal));
        Assert.Contains("1 unverified", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Offline_SendsNothing()
    {
        _repo.Write("README.md", $"[ok]({_server.Url("/ok")})\n");
        var run = await CliRun.RunAsync(_repo.Root, "--offline", "--verbose");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("skipped: " + _server.Url("/ok") + "\n      external link not checked (offline)", run.Out, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Run_HeaderOption_GoesOnlyToItsHost()
    {
        _repo.Write("README.md", $"[ok]({_server.Url("/ok")})\n");
        await CliRun.RunAsync(_repo.Root, "--header", "127.0.0.2: X-Api-Key: abc123", "--header", "other.example: X-Api-Key: nope");
        Assert.Equal("abc123", Assert.Single(_server.Requests).Headers["X-Api-Key"]);
    }

    [Fact]
    public async Task Run_Verbose_PrintsEachOkLinkWithItsStatusCodeAndTime()
    {
        _repo.Write("README.md", $"[ok]({_server.Url("/ok")})\n");
        var run = await CliRun.RunAsync(_repo.Root, "-v");
        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"README\.md:1:\d+: ok: " + System.Text.RegularExpressions.Regex.Escape(_server.Url("/ok")) + @" \(200, \d+ ms\)\n", run.Out);
    }

    [Fact]
    public async Task Run_BasicAuth_GoesOnlyToItsHost()
    {
        _repo.Write("README.md", $"[ok]({_server.Url("/ok")})\n");
        await CliRun.RunAsync(_repo.Root, "--basic-auth", "127.0.0.2: reader:pa:ss", "--basic-auth", "other.example: x:y");
        Assert.Equal("Basic " + Convert.ToBase64String("reader:pa:ss"u8.ToArray()), Assert.Single(_server.Requests).Headers["Authorization"]);
    }

    [Fact]
    public async Task Run_BadBasicAuth_NamesTheHostButNotThePassword()
    {
        _repo.Write("README.md", "# x\n");
        var run = await CliRun.RunAsync(_repo.Root, "--basic-auth", "intranet.example: s3cretonly");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("linkcheck: --basic-auth for 'intranet.example': expected 'HOST: user:password' (the user name cannot be empty or contain ':')\n", run.Error);
        Assert.DoesNotContain("s3cret", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_MethodGet_SendsGetOnly()
    {
        _repo.Write("README.md", $"[ok]({_server.Url("/ok")})\n");
        await CliRun.RunAsync(_repo.Root, "--method", "get");
        Assert.Equal("GET", Assert.Single(_server.Requests).Method);
    }

    [Fact]
    public async Task Run_Scheme_ChecksOnlyTheGivenSchemes_AndRelativeLinksAlways()
    {
        _repo.Write("README.md", $"[plain]({_server.Url("/ok")})\n\n[mail](mailto:someone@example.com)\n\n[missing](missing.md)\n");

        var run = await CliRun.RunAsync(_repo.Root, "--scheme", "https,mailto", "-v");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("excluded: " + _server.Url("/ok") + "\n      scheme 'http' not selected by --scheme https,mailto", run.Out, StringComparison.Ordinal);
        Assert.Contains("broken: missing.md", run.Out, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Theory]
    [InlineData("--header", "no-colons", "linkcheck: --header: expected 'host: Name: value' (or 'host:port: Name: value')\n")]
    [InlineData("--accept", "200..=abc", "linkcheck: --accept: '200..=abc' is not a status code or range (examples: 200..=299, 403, 200..300)\n")]
    [InlineData("--accept", "600..=700", "linkcheck: --accept: '600..=700' is not a status code or range: HTTP status codes are 100 to 599 (examples: 200..=299, 403)\n")]
    [InlineData("--host-limit", "example.com: speed=fast", "linkcheck: --host-limit 'example.com: speed=fast': 'speed=fast' is not concurrency=N (N >= 1) or interval=DURATION\n")]
    [InlineData("--remap", "nospace", "linkcheck: --remap 'nospace': expected 'REGEX REPLACEMENT'\n")]
    public async Task Run_BadHttpOptions_ExitTwoWithOneLine(string option, string value, string expected)
    {
        _repo.Write("README.md", "# x\n");
        var run = await CliRun.RunAsync(_repo.Root, option, value);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(expected, run.Error);
    }

    [Theory]
    [InlineData("--timeout", "soon")]
    [InlineData("--max-retries", "-1")]
    [InlineData("--host-concurrency", "0")]
    [InlineData("--unverified", "maybe")]
    [InlineData("--method", "post")]
    public async Task Run_BadHttpValues_AreUsageErrors(string option, string value)
    {
        var run = await CliRun.RunAsync(_repo.Root, option, value);
        Assert.Equal(2, run.ExitCode);
        Assert.EndsWith("; run 'linkcheck --help' for usage\n", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact(Timeout = 30_000)]
    public async Task Run_OnATerminal_DrawsAProgressLineAndClearsIt()
    {
        _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _repo.Write("README.md", $"[slow]({_server.Url("/slow")})\n");
        var time = new ObservableTime();

        var run = CliRun.RunAsync(_repo.Root, null, true, time);
        await _server.ReceivedAsync(1);
        time.Advance(TimeSpan.FromMilliseconds(250));
        _gate.SetResult();
        var result = await run;

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("\r\u001b[2K0/1 checked, 1 in flight, 0 queued, 0 broken, 1s elapsed, estimating the time left (busiest host 127.0.0.2", result.Error, StringComparison.Ordinal);
        Assert.EndsWith("\r\u001b[2K", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CI")]
    [InlineData("GITHUB_ACTIONS")]
    public async Task Run_InCi_DrawsNoProgress(string variable)
    {
        _repo.Write("README.md", $"[ok]({_server.Url("/ok")})\n");
        var time = new ObservableTime();
        var run = await CliRun.RunAsync(_repo.Root, new Dictionary<string, string> { [variable] = "true" }, true, time);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        Assert.DoesNotContain(TimeSpan.FromMilliseconds(250), time.CreatedTimers);
    }
}
