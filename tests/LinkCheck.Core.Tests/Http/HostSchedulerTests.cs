using LinkCheck.Core.Resolution;

namespace LinkCheck.Core.Tests.Http;

public class HostSchedulerTests
{
    [Fact(Timeout = 10_000)]
    public async Task BackOff_PausesEveryLaterRequestToThatHostOnly()
    {
        var time = new ObservableTime();
        using var scheduler = new HostScheduler(new HttpCheckOptions(), time);
        scheduler.BackOff("a.example", TimeSpan.FromSeconds(7));

        var other = await scheduler.AcquireAsync("b.example", CancellationToken.None);
        other.Dispose();
        var paused = scheduler.AcquireAsync("a.example", CancellationToken.None);
        var due = await time.NextTimerAsync(_ => true);

        Assert.Equal(TimeSpan.FromSeconds(7), due);
        Assert.False(paused.IsCompleted);
        time.Advance(due);
        (await paused).Dispose();
    }

    [Fact(Timeout = 10_000)]
    public async Task Interval_SpacesTheStartsOfRequestsToOneHost()
    {
        var time = new ObservableTime();
        using var scheduler = new HostScheduler(new HttpCheckOptions { HostRequestInterval = TimeSpan.FromMilliseconds(500) }, time);

        (await scheduler.AcquireAsync("a.example", CancellationToken.None)).Dispose();
        var second = scheduler.AcquireAsync("a.example", CancellationToken.None);
        Assert.Equal(TimeSpan.FromMilliseconds(500), await time.NextTimerAsync(_ => true));
        time.Advance(TimeSpan.FromMilliseconds(500));
        (await second).Dispose();
    }

    [Fact(Timeout = 10_000)]
    public async Task HostOverride_ReplacesTheDefaultLimit()
    {
        var options = new HttpCheckOptions
        {
            HostConcurrency = 1,
            HostOverrides = new Dictionary<string, HostLimits>(StringComparer.OrdinalIgnoreCase) { ["wide.example"] = new HostLimits(3, TimeSpan.Zero) },
        };
        using var scheduler = new HostScheduler(options, new ObservableTime());

        var leases = new[] { await scheduler.AcquireAsync("wide.example", default), await scheduler.AcquireAsync("wide.example", default), await scheduler.AcquireAsync("wide.example", default) };
        var fourth = scheduler.AcquireAsync("wide.example", default);
        var narrow = await scheduler.AcquireAsync("narrow.example", default);
        var narrowSecond = scheduler.AcquireAsync("narrow.example", default);

        Assert.False(fourth.IsCompleted);
        Assert.False(narrowSecond.IsCompleted);
        leases[0].Dispose();
        narrow.Dispose();
        (await fourth).Dispose();
        (await narrowSecond).Dispose();
        leases[1].Dispose();
        leases[2].Dispose();
    }

    [Fact(Timeout = 10_000)]
    public async Task GlobalSlots_GoToTheHostWithTheLongestQueue()
    {
        using var scheduler = new HostScheduler(new HttpCheckOptions { MaxConcurrency = 1, HostConcurrency = 4 }, new ObservableTime());
        var holder = await scheduler.AcquireAsync("small.example", default);

        scheduler.NoteWaiting("small.example", 1);
        var small = scheduler.AcquireAsync("small.example", default);
        scheduler.NoteWaiting("big.example", 3);
        var big = scheduler.AcquireAsync("big.example", default);
        holder.Dispose();

        Assert.Same(big, await Task.WhenAny(small, big));
        Assert.False(small.IsCompleted);
        (await big).Dispose();
        (await small).Dispose();
        Assert.Equal("big.example", scheduler.BusiestHost());
    }
}
