using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace LinkCheck.Cli.Tests.Hostile;

/// <summary>
/// SIGINT and SIGTERM (what the GitHub runner sends a cancelled job) sent to a real linkcheck process that waits on a
/// server that never answers: the process stops within the grace period, reports what it found marked partial,
/// leaves a valid cache file and exits with 130 or 143.
/// </summary>
public sealed class CancellationTests : IAsyncLifetime
{
    private readonly TempDirectory _repo = new();
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _hanging = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private LoopbackServer _server = null!;

    public async Task InitializeAsync()
    {
        _repo.InitGit();
        _server = await LoopbackServer.StartAsync("127.0.0.3", async context =>
        {
            if (context.Request.Path.StartsWithSegments("/hang", StringComparison.Ordinal))
            {
                _hanging.TrySetResult();
                await _release.Task; // never answers while the test runs
            }

            context.Response.StatusCode = StatusCodes.Status200OK;
        });
    }

    public async Task DisposeAsync()
    {
        _release.TrySetResult();
        await _server.DisposeAsync();
        _repo.Dispose();
    }

    [Theory]
    [InlineData("INT", 130)]
    [InlineData("TERM", 143)]
    public async Task Signal_WhileALinkHangs_ReportsWhatWasFoundAsPartialAndExitsWithTheSignalsCode(string signal, int exitCode)
    {
        // A first, complete run fills the cache with the link that answers.
        _repo.Write("README.md", $"[ok]({_server.Url("/ok")})\n");
        using (var first = ChildProcess.Start(_repo.Root, ".", "--cache"))
        {
            Assert.True(await first.ExitAsync(TimeSpan.FromMinutes(2)) == 0, first.Error);
        }

        _repo.Write("README.md", $"[ok]({_server.Url("/ok")})\n\n[gone](missing.md)\n\n[slow]({_server.Url("/hang")})\n");
        using var child = ChildProcess.Start(_repo.Root, ".", "--format", "json", "--cache", "--timeout", "5m", "--max-retries", "0");
        await _hanging.Task.WaitAsync(TimeSpan.FromMinutes(2)); // the request to /hang is in and will never be answered

        var watch = Stopwatch.StartNew();
        child.Signal(signal);
        var code = await child.ExitAsync(TimeSpan.FromSeconds(20));
        watch.Stop();

        Assert.Equal(exitCode, code);
        using var report = JsonDocument.Parse(child.Out);
        Assert.True(report.RootElement.GetProperty("summary").GetProperty("partial").GetBoolean());
        var results = report.RootElement.GetProperty("results").EnumerateArray().ToDictionary(r => r.GetProperty("url").GetString()!, r => r);
        Assert.Equal("broken", results["missing.md"].GetProperty("status").GetString());
        Assert.Equal("skipped", results[_server.Url("/hang")].GetProperty("status").GetString());
        Assert.Equal("not checked: the run was cancelled", results[_server.Url("/hang")].GetProperty("message").GetString());
        Assert.Contains("cancelled; the report above is partial", child.Error, StringComparison.Ordinal);

        // The cache was rewritten whole (temporary file, then rename): it still parses and keeps the earlier entry.
        using var cache = JsonDocument.Parse(await File.ReadAllTextAsync(_repo.PathOf(".linkcheck-cache.json")));
        var keys = cache.RootElement.GetProperty("entries").EnumerateObject().Select(e => e.Name).ToList();
        Assert.Contains(keys, k => k.Contains("/ok", StringComparison.Ordinal));
        Assert.DoesNotContain(keys, k => k.Contains("/hang", StringComparison.Ordinal));
        Assert.Equal([".git", ".linkcheck-cache.json", "README.md"], Directory.EnumerateFileSystemEntries(_repo.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        // Recorded in docs/reliability.md; the bound itself is ProcessSignals.GracePeriod (1.8 s), not this test.
        Console.WriteLine($"SIG{signal}: exited {code} {watch.ElapsedMilliseconds} ms after the signal");
    }
}
