namespace LinkCheck.Core.Resolution;

/// <summary>A snapshot of a running check, for the CLI's progress line.</summary>
/// <param name="Checked">External targets finished.</param>
/// <param name="Total">External targets to check.</param>
/// <param name="InFlight">Requests being answered right now.</param>
/// <param name="Broken">Broken external targets so far.</param>
/// <param name="BusiestHost">The host with the most requests in flight or waiting.</param>
public sealed record CheckProgress(int Checked, int Total, int InFlight, int Broken, string? BusiestHost)
{
    /// <summary>Checks not started yet: waiting for their host's turn or for a free worker.</summary>
    public int Queued { get; init; }

    /// <summary>Requests waiting for, or in flight to, the busiest host.</summary>
    public int BusiestHostLoad { get; init; }

    /// <summary>The least time the busiest host's backlog needs at that host's limits, when known.</summary>
    public TimeSpan? BusiestHostMinimum { get; init; }
}

/// <summary>
/// Counters the resolvers update and a progress display reads; the display polls <see cref="Snapshot"/> on its
/// own clock, so Core never writes to a terminal.
/// </summary>
public sealed class ProgressTracker
{
    private int _checked;
    private int _total;
    private int _inFlight;
    private int _broken;

    /// <summary>Where the busiest host is read from, once a run has started.</summary>
    internal Func<string?>? BusiestHost { get; set; }

    internal Func<(string Host, int Load, TimeSpan Minimum)?>? BusiestBacklog { get; set; }

    /// <summary>The current counts.</summary>
    public CheckProgress Snapshot() =>
        Snapshot(BusiestBacklog?.Invoke());

    private CheckProgress Snapshot((string Host, int Load, TimeSpan Minimum)? backlog)
    {
        var done = Volatile.Read(ref _checked);
        var total = Volatile.Read(ref _total);
        var inFlight = Volatile.Read(ref _inFlight);
        return new CheckProgress(done, total, inFlight, Volatile.Read(ref _broken), backlog?.Host ?? BusiestHost?.Invoke())
        {
            Queued = Math.Max(0, total - done - inFlight),
            BusiestHostLoad = backlog?.Load ?? 0,
            BusiestHostMinimum = backlog?.Minimum,
        };
    }

    internal void AddTotal(int count) => Interlocked.Add(ref _total, count);

    internal void Started() => Interlocked.Increment(ref _inFlight);

    internal void Cached() => Interlocked.Increment(ref _checked);

    internal void Finished(bool broken)
    {
        Interlocked.Decrement(ref _inFlight);
        Interlocked.Increment(ref _checked);
        if (broken)
        {
            Interlocked.Increment(ref _broken);
        }
    }
}
