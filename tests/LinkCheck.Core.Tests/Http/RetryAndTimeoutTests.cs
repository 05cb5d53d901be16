using LinkCheck.Core.Model;
using Microsoft.AspNetCore.Http;

namespace LinkCheck.Core.Tests.Http;

/// <summary>Retries, back-off and timeouts, driven by a fake clock: each test advances time exactly when the code waits.</summary>
public sealed class RetryAndTimeoutTests : HttpTestBase
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(20);

    private static bool IsRetryDelay(TimeSpan due) => due < RequestTimeout;

    [Fact(Timeout = 30_000)]
    public async Task Check_503ThenOk_RetriesWithBackoffAndSucceeds()
    {
        var calls = 0;
        var server = await StartServerAsync("127.0.0.2", context => Respond(context, Interlocked.Increment(ref calls) == 1 ? 503 : 200));
        var url = server.Url("/flaky");

        var check = CheckLinksAsync([url]);
        var delay = await Time.AdvanceToNextTimerAsync(IsRetryDelay);
        var result = Result(await check, url);

        Assert.Equal(LinkStatus.Ok, result.Status);
        Assert.InRange(delay, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1));
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact(Timeout = 30_000)]
    public async Task Check_429WithRetryAfterSeconds_WaitsExactlyThatLongAndPausesTheHost()
    {
        var limited = 0;
        var server = await StartServerAsync("127.0.0.2", context =>
        {
            if (context.Request.Path == "/limited" && Interlocked.Increment(ref limited) == 1)
            {
                context.Response.Headers.RetryAfter = "7";
                return Respond(context, 429);
            }

            return Respond(context, 200);
        });
        var limitedUrl = server.Url("/limited");
        var otherUrl = server.Url("/other");
        var start = Time.GetUtcNow();

        var check = CheckLinksAsync([limitedUrl, otherUrl], http => http with { HostConcurrency = 1 });
        await server.ReceivedAsync(1);
        var retry = await Time.NextTimerAsync(due => due == TimeSpan.FromSeconds(7));
        Time.Advance(retry);
        var report = await check;

        Assert.Equal(LinkStatus.Ok, Result(report, limitedUrl).Status);
        Assert.Equal(LinkStatus.Ok, Result(report, otherUrl).Status);

        // Whatever the order the two links started in, no request reached the host after the 429 before the
        // pause was over (the order is up to the scheduler; HostSchedulerTests pins the pause itself down).
        var requests = server.Requests;
        var limitedAt = requests.ToList().FindIndex(r => r.PathAndQuery == "/limited");
        var afterLimit = requests.Skip(limitedAt + 1).ToList();
        Assert.Contains(afterLimit, r => r.PathAndQuery == "/limited");
        Assert.All(afterLimit, r => Assert.True(r.At >= start + TimeSpan.FromSeconds(7), $"{r.PathAndQuery} at {r.At - start}"));
    }

    [Fact(Timeout = 30_000)]
    public async Task Check_RetryAfterHttpDate_IsHonouredAndCapped()
    {
        var calls = 0;
        var server = await StartServerAsync("127.0.0.2", context =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                context.Response.Headers.RetryAfter = (Time.GetUtcNow() + TimeSpan.FromHours(2)).ToString("R");
                return Respond(context, 503);
            }

            return Respond(context, 200);
        });
        var url = server.Url("/maintenance");

        var check = CheckLinksAsync([url], http => http with { MaxRetryWait = TimeSpan.FromSeconds(30) });
        var delay = await Time.AdvanceToNextTimerAsync(due => due == TimeSpan.FromSeconds(30));
        Assert.Equal(LinkStatus.Ok, Result(await check, url).Status);
        Assert.Equal(TimeSpan.FromSeconds(30), delay);
    }

    [Fact(Timeout = 30_000)]
    public async Task Check_PersistentRateLimit_IsUnverifiedAfterAllRetries()
    {
        var server = await StartServerAsync("127.0.0.2", context =>
        {
            context.Response.Headers.RetryAfter = "1";
            return Respond(context, 429);
        });
        var url = server.Url("/busy");

        var check = CheckLinksAsync([url], http => http with { MaxRetries = 2 });
        for (var retry = 0; retry < 2; retry++)
        {
            await Time.AdvanceToNextTimerAsync(due => due == TimeSpan.FromSeconds(1));
        }

        var result = Result(await check, url);
        Assert.Equal(LinkStatus.Unverified, result.Status);
        Assert.Equal("rate limited (429) three times: the page may exist, but the server refused to answer", result.Message);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact(Timeout = 30_000)]
    public async Task Check_PersistentServerError_IsBrokenAfterAllRetries()
    {
        var server = await StartServerAsync("127.0.0.2", context => Respond(context, 502));
        var url = server.Url("/down");

        var check = CheckLinksAsync([url], http => http with { MaxRetries = 3 });
        var delays = new List<TimeSpan>();
        for (var retry = 0; retry < 3; retry++)
        {
            delays.Add(await Time.AdvanceToNextTimerAsync(IsRetryDelay));
        }

        var result = Result(await check, url);
        Assert.Equal(LinkStatus.Broken, result.Status);
        Assert.Equal("502 Bad Gateway 4 times", result.Message);

        // Exponential back-off with jitter: each delay within [half, all] of 1 s, 2 s, 4 s.
        Assert.InRange(delays[0].TotalSeconds, 0.5, 1);
        Assert.InRange(delays[1].TotalSeconds, 1, 2);
        Assert.InRange(delays[2].TotalSeconds, 2, 4);
    }

    [Fact(Timeout = 30_000)]
    public async Task Check_ConnectionReset_IsRetried()
    {
        var calls = 0;
        var server = await StartServerAsync("127.0.0.2", context =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                context.Abort();
                return Task.CompletedTask;
            }

            return Respond(context, 200);
        });
        var url = server.Url("/reset");

        var check = CheckLinksAsync([url]);
        await Time.AdvanceToNextTimerAsync(IsRetryDelay);
        Assert.Equal(LinkStatus.Ok, Result(await check, url).Status);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact(Timeout = 30_000)]
    public async Task Check_NoAnswer_TimesOutAfterEveryTry()
    {
        var server = await StartServerAsync("127.0.0.2", context => Task.Delay(Timeout.Infinite, context.RequestAborted));
        var url = server.Url("/slow");

        // However many retries other failures get, a URL that does not answer is tried twice: HEAD, then GET.
        var check = CheckLinksAsync([url], http => http with { MaxRetries = 3 });
        await server.ReceivedAsync(1);
        Time.Advance(RequestTimeout);
        await server.ReceivedAsync(2);
        Time.Advance(RequestTimeout);

        var result = Result(await check, url);
        Assert.Equal(LinkStatus.Broken, result.Status);
        Assert.Equal("timed out twice (20 s each)", result.Message);
        Assert.Equal(["HEAD", "GET"], server.Requests.Select(r => r.Method));
    }

    [Fact(Timeout = 30_000)]
    public async Task Check_HeadHangsWhileGetWorks_FallsBackToGetAfterOneTimeout()
    {
        var server = await StartServerAsync("127.0.0.2", context => context.Request.Method == "HEAD"
            ? Task.Delay(Timeout.Infinite, context.RequestAborted)
            : Respond(context, 200));
        var url = server.Url("/no-head");

        var check = CheckLinksAsync([url]);
        await server.ReceivedAsync(1);
        await Time.AdvanceToNextTimerAsync(due => due == RequestTimeout);

        Assert.Equal(LinkStatus.Ok, Result(await check, url).Status);
        Assert.Equal(["HEAD", "GET"], server.Requests.Select(r => r.Method));
    }

    [Fact(Timeout = 30_000)]
    public async Task Check_AcceptTimeouts_MakesATimeoutAWarning()
    {
        var server = await StartServerAsync("127.0.0.2", context => Task.Delay(Timeout.Infinite, context.RequestAborted));
        var url = server.Url("/slow");

        var check = CheckLinksAsync([url], http => http with { MaxRetries = 0, AcceptTimeouts = true });
        await server.ReceivedAsync(1);
        Time.Advance(RequestTimeout);
        await server.ReceivedAsync(2);
        Time.Advance(RequestTimeout);

        var result = Result(await check, url);
        Assert.Equal(LinkStatus.Warning, result.Status);
        Assert.Equal("timed out twice (20 s each) (accepted by --accept-timeouts)", result.Message);
    }

    [Fact(Timeout = 30_000)]
    public async Task Check_SlowHost_DoesNotBlockOtherHosts()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slow = await StartServerAsync("127.0.0.2", async context =>
        {
            await gate.Task;
            await Respond(context, 200);
        });
        var fast = await StartServerAsync("127.0.0.3", context => Respond(context, 200));
        var fastUrls = Enumerable.Range(0, 20).Select(i => fast.Url($"/page/{i}")).ToList();

        var check = CheckLinksAsync([.. Enumerable.Range(0, 10).Select(i => slow.Url($"/page/{i}")), .. fastUrls], http => http with { HostConcurrency = 2, MaxConcurrency = 3 });

        // Every fast request is answered while the slow host still holds its requests.
        await fast.ReceivedAsync(20);
        Assert.Equal(2, slow.InFlight);
        gate.SetResult();
        var report = await check;

        Assert.Equal(30, report.Summary.Ok);
        Assert.Equal(2, slow.MaxInFlight);
    }

    [Fact(Timeout = 30_000)]
    public async Task Check_500ThatPersists_IsBrokenAfterItsRetries_AndSaysHowOften()
    {
        var server = await StartServerAsync("127.0.0.2", context => Respond(context, 500));
        var url = server.Url("/dead");

        var check = CheckLinksAsync([url], http => http with { MaxRetries = 2 });
        await Time.AdvanceToNextTimerAsync(IsRetryDelay);
        await Time.AdvanceToNextTimerAsync(IsRetryDelay);

        var result = Result(await check, url);
        Assert.Equal(LinkStatus.Broken, result.Status);
        Assert.Equal("500 Internal Server Error three times", result.Message);
        Assert.Equal(["HEAD", "GET", "GET", "GET"], server.Requests.Select(r => r.Method));
    }

    [Fact(Timeout = 30_000)]
    public async Task Check_500ThatLastsTwoRequests_IsOk()
    {
        var calls = 0;
        var server = await StartServerAsync("127.0.0.2", context => Respond(context, Interlocked.Increment(ref calls) <= 2 ? 500 : 200));
        var url = server.Url("/hiccup");

        var check = CheckLinksAsync([url]);
        await Time.AdvanceToNextTimerAsync(IsRetryDelay);

        Assert.Equal(LinkStatus.Ok, Result(await check, url).Status);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact(Timeout = 30_000)]
    public async Task Check_MixedFailures_SayWhatEachTryGot()
    {
        var calls = 0;
        var server = await StartServerAsync("127.0.0.2", context => Respond(context, Interlocked.Increment(ref calls) <= 2 ? 503 : 404));
        var url = server.Url("/was-here");

        var check = CheckLinksAsync([url], http => http with { Method = Core.Resolution.RequestMethod.Get });
        await Time.AdvanceToNextTimerAsync(IsRetryDelay);
        await Time.AdvanceToNextTimerAsync(IsRetryDelay);

        var result = Result(await check, url);
        Assert.Equal(LinkStatus.Broken, result.Status);
        Assert.Equal("404 Not Found (503 twice, then 404)", result.Message);
    }

    [Fact(Timeout = 30_000)]
    public async Task Check_ConnectionRefused_IsRetriedOnceNotMaxRetriesTimes()
    {
        var server = await LoopbackServer.StartAsync("127.0.0.5", context => Respond(context, 200));
        var url = server.Url("/gone");
        await server.DisposeAsync();

        var check = CheckLinksAsync([url], http => http with { Method = Core.Resolution.RequestMethod.Get, MaxRetries = 5 });
        await Time.AdvanceToNextTimerAsync(IsRetryDelay);

        var result = Result(await check, url);
        Assert.Equal(LinkStatus.Broken, result.Status);
        Assert.StartsWith("connection failed", result.Message, StringComparison.Ordinal);
        Assert.EndsWith(" twice", result.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task Check_503WithRetryAfter_PausesTheHost()
    {
        var calls = 0;
        var server = await StartServerAsync("127.0.0.2", context =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                context.Response.Headers.RetryAfter = "5";
                return Respond(context, 503);
            }

            return Respond(context, 200);
        });
        var url = server.Url("/maintenance");
        var start = Time.GetUtcNow();

        var check = CheckLinksAsync([url]);
        await Time.AdvanceToNextTimerAsync(due => due == TimeSpan.FromSeconds(5));

        Assert.Equal(LinkStatus.Ok, Result(await check, url).Status);
        Assert.Equal(start + TimeSpan.FromSeconds(5), server.Requests[^1].At);
    }

    [Fact(Timeout = 30_000)]
    public async Task Check_OverlappingRetryAfterPauses_MergeIntoOne()
    {
        // Two URLs limited at the same moment, each asking for 2 s: one 2 s pause, not 4 s.
        var seen = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        var server = await StartServerAsync("127.0.0.2", context =>
        {
            if (seen.AddOrUpdate(context.Request.Path.Value!, 1, (_, n) => n + 1) == 1)
            {
                context.Response.Headers.RetryAfter = "2";
                return Respond(context, 429);
            }

            return Respond(context, 200);
        });
        var start = Time.GetUtcNow();

        var check = CheckLinksAsync([server.Url("/a"), server.Url("/b")]);
        await Time.NextTimerAsync(due => due == TimeSpan.FromSeconds(2));
        await Time.NextTimerAsync(due => due == TimeSpan.FromSeconds(2));
        Time.Advance(TimeSpan.FromSeconds(2));

        var report = await check;
        Assert.Equal(2, report.Summary.Ok);
        Assert.All(server.Requests.Skip(2), r => Assert.Equal(start + TimeSpan.FromSeconds(2), r.At));
    }

    [Fact(Timeout = 30_000)]
    public async Task Check_HungUrl_GivesItsSlotBack_SoTheHostsOtherUrlsGoOn_AndIsRetriedAfterThem()
    {
        var server = await StartServerAsync("127.0.0.2", context => context.Request.Path == "/hang"
            ? Task.Delay(Timeout.Infinite, context.RequestAborted)
            : Respond(context, 200));
        var hang = server.Url("/hang");
        var others = Enumerable.Range(0, 5).Select(i => server.Url($"/page/{i}")).ToList();
        var start = Time.GetUtcNow();

        // One slot: the hung URL is first in the file, so it takes the slot and the others wait for it.
        var check = CheckLinksAsync([hang, .. others], http => http with { HostConcurrency = 1 });
        await server.ReceivedAsync(1);
        await Time.AdvanceToNextTimerAsync(due => due == Core.Resolution.HostScheduler.MinimumSlotRelease);
        await server.ReceivedAsync(6);

        // The hung HEAD times out; its GET is the one retry, and it runs after the others.
        Time.Advance(RequestTimeout - Core.Resolution.HostScheduler.MinimumSlotRelease);
        await server.ReceivedAsync(7);
        Time.Advance(RequestTimeout);
        var report = await check;

        Assert.Equal(5, report.Summary.Ok);
        Assert.Equal("timed out twice (20 s each)", Result(report, hang).Message);
        // The hung URL first, then every other page, then its one retry. (A page whose answer the client had not read
        // yet when fake time jumped past its timeout may be asked again at the end; that is not what this test is about.)
        var paths = server.Requests.Select(r => r.PathAndQuery).ToList();
        Assert.Equal("/hang", paths[0]);
        var retry = paths.IndexOf("/hang", 1);
        Assert.Equal(2, paths.Count(p => p == "/hang"));
        Assert.Equal(others.Select(u => new Uri(u).PathAndQuery).Order(StringComparer.Ordinal), paths.Take(retry).Skip(1).Order(StringComparer.Ordinal));
        Assert.All(server.Requests.Skip(1).Take(5), r => Assert.Equal(start + Core.Resolution.HostScheduler.MinimumSlotRelease, r.At));
    }
}
