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

    [Fact(Timeout = 30_000)]
    public async Task GlobalGate_WithThousandsOfHostsWaiting_DoesLogarithmicWorkPerRequest()
    {
        // Issue 9: 100,000 distinct hosts, one request each, all waiting for a global slot. A gate that scans its
        // waiters on every release does n²/2 comparisons (8,000 hosts: 32 million, 4,000 per request); an ordered set
        // does O(log n) per request. Counting the gate's comparisons catches that without a clock: the work per
        // request must stay near log₂ n and must not grow with n the way a scan does.
        var small = await ComparisonsPerRequestAsync(1_000);
        var large = await ComparisonsPerRequestAsync(8_000);

        Assert.True(large <= 8 * Math.Log2(8_000), $"{large:F1} comparisons per request with 8,000 hosts waiting");
        Assert.True(large < 2 * small, $"{small:F1} comparisons per request with 1,000 hosts, {large:F1} with 8,000");
    }

    /// <summary>Queues one request for each of <paramref name="hosts"/> hosts behind one global slot, lets them
    /// through one by one (checking they go oldest first: every backlog is 1), and returns the gate's comparisons per request.</summary>
    private static async Task<double> ComparisonsPerRequestAsync(int hosts)
    {
        using var scheduler = new HostScheduler(new HttpCheckOptions { MaxConcurrency = 1 }, new ObservableTime());
        var holder = await scheduler.AcquireAsync("holder.example", default);
        var waiting = new Task<HostScheduler.Lease>[hosts];
        for (var i = 0; i < hosts; i++)
        {
            scheduler.NoteWaiting($"h{i}.example", 1);
            waiting[i] = scheduler.AcquireAsync($"h{i}.example", default);
        }

        holder.Dispose();
        for (var i = 0; i < hosts; i++)
        {
            var lease = await waiting[i];
            Assert.True(i + 1 == hosts || !waiting[i + 1].IsCompleted, $"h{i + 1}.example started before h{i}.example was done");
            scheduler.NoteWaiting($"h{i}.example", -1);
            lease.Dispose();
        }

        return scheduler.GateComparisons / (double)hosts;
    }

    [Fact(Timeout = 10_000)]
    public async Task StalledRequest_GivesItsSlotBackAfterTheReleaseTime_WhenOthersWait()
    {
        var time = new ObservableTime();
        using var scheduler = new HostScheduler(new HttpCheckOptions { HostConcurrency = 1 }, time);
        var stalled = await scheduler.AcquireAsync("a.example", default);

        var waiting = scheduler.AcquireAsync("a.example", default);
        var due = await time.NextTimerAsync(_ => true);
        Assert.Equal(HostScheduler.MinimumSlotRelease, due);
        Assert.False(waiting.IsCompleted);
        time.Advance(due);
        var next = await waiting;

        Assert.True(stalled.Released);
        Assert.Equal(1, scheduler.MaxHolding("a.example"));
        next.Dispose();
        stalled.Dispose();
    }

    [Fact(Timeout = 10_000)]
    public async Task ReleasedRequests_AreBoundedByTheHostConcurrency()
    {
        var time = new ObservableTime();
        using var scheduler = new HostScheduler(new HttpCheckOptions { HostConcurrency = 1 }, time);
        var first = await scheduler.AcquireAsync("a.example", default);
        var second = scheduler.AcquireAsync("a.example", default);
        time.Advance(await time.NextTimerAsync(_ => true));
        var secondLease = await second;

        // The second request stalls too, but one released request is all a host of concurrency 1 may have.
        var third = scheduler.AcquireAsync("a.example", default);
        time.Advance(HostScheduler.MinimumSlotRelease);
        Assert.False(third.IsCompleted);
        Assert.False(secondLease.Released);

        first.Dispose();
        (await third).Dispose();
        Assert.True(secondLease.Released);
        secondLease.Dispose();
    }

    [Fact(Timeout = 10_000)]
    public async Task ReleaseTime_IsTenTimesTheHostsMedianAnswerTime_AtLeastTwoSeconds()
    {
        var time = new ObservableTime();
        using var scheduler = new HostScheduler(new HttpCheckOptions(), time);
        foreach (var ms in new[] { 100, 300, 500 })
        {
            using var lease = await scheduler.AcquireAsync("slow.example", default);
            time.Advance(TimeSpan.FromMilliseconds(ms));
            lease.Answered(rateLimited: false);
        }

        using (var fast = await scheduler.AcquireAsync("fast.example", default))
        {
            time.Advance(TimeSpan.FromMilliseconds(30));
            fast.Answered(rateLimited: false);
        }

        Assert.Equal(TimeSpan.FromSeconds(3), scheduler.SlotReleaseAfter("slow.example"));
        Assert.Equal(HostScheduler.MinimumSlotRelease, scheduler.SlotReleaseAfter("fast.example"));
    }

    [Fact(Timeout = 10_000)]
    public async Task WorkAfterOtherWork_GetsASlotOnlyWhenNothingElseWaits()
    {
        using var scheduler = new HostScheduler(new HttpCheckOptions { HostConcurrency = 1 }, new ObservableTime());
        var holder = await scheduler.AcquireAsync("a.example", default);
        var retry = scheduler.AcquireAsync("a.example", afterOtherWork: true, default);
        var fresh = scheduler.AcquireAsync("a.example", default);

        holder.Dispose();
        var freshLease = await fresh;
        Assert.False(retry.IsCompleted);
        freshLease.Dispose();
        (await retry).Dispose();
    }

    [Fact(Timeout = 10_000)]
    public async Task OverlappingPauses_MergeIntoOneThatEndsWithTheLast()
    {
        var time = new ObservableTime();
        using var scheduler = new HostScheduler(new HttpCheckOptions(), time);
        var start = time.GetUtcNow();
        scheduler.BackOff("a.example", TimeSpan.FromSeconds(2));
        time.Advance(TimeSpan.FromSeconds(1));
        scheduler.BackOff("a.example", TimeSpan.FromSeconds(2));
        scheduler.BackOff("a.example", TimeSpan.FromSeconds(1));

        var paused = scheduler.AcquireAsync("a.example", default);
        time.Advance(await time.NextTimerAsync(_ => true));
        using var lease = await paused;

        Assert.Equal(start + TimeSpan.FromSeconds(3), lease.StartedAt);
    }

    [Fact(Timeout = 10_000)]
    public async Task RateLimitWithoutRetryAfter_HalvesTheConcurrencyOncePerRound_ThenGrowsItBackOneByOne()
    {
        var time = new ObservableTime();
        using var scheduler = new HostScheduler(new HttpCheckOptions { HostConcurrency = 8 }, time);
        var round = new List<HostScheduler.Lease>();
        for (var i = 0; i < 8; i++)
        {
            round.Add(await scheduler.AcquireAsync("a.example", default));
        }

        time.Advance(TimeSpan.FromMilliseconds(50));
        round[0].Answered(rateLimited: true);
        round[1].Answered(rateLimited: true);
        Assert.Equal(4, scheduler.CurrentConcurrency("a.example"));
        round.ForEach(l => l.Dispose());

        // A new round, started after the halving, that is limited again halves again.
        var leases = new List<HostScheduler.Lease>();
        for (var i = 0; i < 4; i++)
        {
            leases.Add(await scheduler.AcquireAsync("a.example", default));
        }

        var fifth = scheduler.AcquireAsync("a.example", default);
        Assert.False(fifth.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(50));
        leases[0].Answered(rateLimited: true);
        Assert.Equal(2, scheduler.CurrentConcurrency("a.example"));

        // Additive increase: each answer adds 1/concurrency, so one more slot per round of answers.
        leases[1].Answered(rateLimited: false);
        leases[2].Answered(rateLimited: false);
        Assert.Equal(2, scheduler.CurrentConcurrency("a.example"));
        leases[3].Answered(rateLimited: false);
        Assert.Equal(3, scheduler.CurrentConcurrency("a.example"));
        leases.ForEach(l => l.Dispose());
        (await fifth).Dispose();
        for (var i = 0; i < 40; i++)
        {
            using var lease = await scheduler.AcquireAsync("a.example", default);
            lease.Answered(rateLimited: false);
        }

        Assert.Equal(8, scheduler.CurrentConcurrency("a.example"));
    }
}
