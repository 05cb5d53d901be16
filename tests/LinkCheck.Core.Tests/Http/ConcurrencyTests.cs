using LinkCheck.Core.Resolution;
using Microsoft.AspNetCore.Http;

namespace LinkCheck.Core.Tests.Http;

public sealed class ConcurrencyTests : HttpTestBase
{
    [Theory(Timeout = 30_000)]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(8)]
    public async Task Check_ManyUrlsOnOneHost_NeverMoreInFlightThanTheHostLimit(int limit)
    {
        // Requests are held until the limit is reached, so the limit is really used; then they flow.
        var full = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        LoopbackServer? server = null;
        server = await StartServerAsync("127.0.0.2", async context =>
        {
            if (server!.InFlight >= limit)
            {
                full.TrySetResult();
            }

            await full.Task;
            await Respond(context, 200);
        });

        var report = await CheckLinksAsync(Enumerable.Range(0, 40).Select(i => server.Url($"/p/{i}")), http => http with { HostConcurrency = limit });

        Assert.Equal(40, report.Summary.Ok);
        Assert.Equal(40, server.Requests.Count);
        Assert.Equal(limit, server.MaxInFlight);
    }

    [Fact(Timeout = 30_000)]
    public async Task Check_GlobalLimit_CapsAllHostsTogether()
    {
        var inFlight = 0;
        var max = 0;
        var full = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task Handler(HttpContext context)
        {
            var now = Interlocked.Increment(ref inFlight);
            lock (full)
            {
                max = Math.Max(max, now);
            }

            if (now >= 5)
            {
                full.TrySetResult();
            }

            await full.Task;
            Interlocked.Decrement(ref inFlight);
            await Respond(context, 200);
        }

        var a = await StartServerAsync("127.0.0.2", Handler);
        var b = await StartServerAsync("127.0.0.3", Handler);
        var urls = Enumerable.Range(0, 20).SelectMany(i => new[] { a.Url($"/{i}"), b.Url($"/{i}") });

        var report = await CheckLinksAsync(urls, http => http with { HostConcurrency = 4, MaxConcurrency = 5 });

        Assert.Equal(40, report.Summary.Ok);
        Assert.Equal(5, max);
        Assert.True(a.MaxInFlight <= 4 && b.MaxInFlight <= 4);
    }

    [Fact(Timeout = 30_000)]
    public async Task Check_HostLimitOverride_AppliesToThatHostOnly()
    {
        var full = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        LoopbackServer? wide = null;
        wide = await StartServerAsync("127.0.0.2", async context =>
        {
            if (wide!.InFlight >= 6)
            {
                full.TrySetResult();
            }

            await full.Task;
            await Respond(context, 200);
        });
        var overrides = new Dictionary<string, Core.Resolution.HostLimits>(StringComparer.OrdinalIgnoreCase)
        {
            ["127.0.0.2"] = new(6, TimeSpan.Zero),
        };

        await CheckLinksAsync(Enumerable.Range(0, 30).Select(i => wide.Url($"/{i}")), http => http with { HostConcurrency = 2, HostOverrides = overrides });

        Assert.Equal(6, wide.MaxInFlight);
    }
}
