using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace LinkCheck.Tests.Shared;

/// <summary>
/// A fake clock that tells the test when the code under test starts waiting: every timer created (Task.Delay,
/// a CancellationTokenSource timeout) is announced with its due time, so a test can advance the clock exactly
/// when something waits, instead of sleeping.
/// </summary>
public sealed class ObservableTime : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();
    private readonly System.Collections.Concurrent.ConcurrentQueue<TimeSpan> _created = new();

    public ObservableTime()
        : base(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero))
    {
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            _created.Enqueue(dueTime);
            _timers.Writer.TryWrite(dueTime);
        }

        return timer;
    }

    /// <summary>The due times of every timer created so far.</summary>
    public IReadOnlyList<TimeSpan> CreatedTimers => [.. _created];

    /// <summary>Waits until the code creates a timer whose due time matches, and returns that due time.</summary>
    public async Task<TimeSpan> NextTimerAsync(Func<TimeSpan, bool> match)
    {
        while (true)
        {
            var due = await _timers.Reader.ReadAsync();
            if (match(due))
            {
                return due;
            }
        }
    }

    /// <summary>Waits for the next matching timer and advances the clock to fire it.</summary>
    public async Task<TimeSpan> AdvanceToNextTimerAsync(Func<TimeSpan, bool> match)
    {
        var due = await NextTimerAsync(match);
        Advance(due);
        return due;
    }
}
