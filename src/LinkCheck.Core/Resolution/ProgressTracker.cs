namespace LinkCheck.Core.Resolution;

/// <summary>A snapshot of a running check, for the CLI's progress line.</summary>
/// <param name="Checked">External targets finished.</param>
/// <param name="Total">External targets to check.</param>
/// <param name="InFlight">Requests being answered right now.</param>
/// <param name="Broken">Broken external targets so far.</param>
/// <param name="BusiestHost">The host with the most requests in flight or waiting.</param>
public sealed record CheckProgress(int Checked, int Total, int InFlight, int Broken, string? BusiestHost);

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

    /// <summary>The current counts.</summary>
    public CheckProgress Snapshot() =>
        new(Volatile.Read(ref _checked), Volatile.Read(ref _total), Volatile.Read(ref _inFlight), Volatile.Read(ref _broken), BusiestHost?.Invoke());

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
