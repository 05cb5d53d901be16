using LinkCheck.Core.Model;
using LinkCheck.Core.Reporting;
using LinkCheck.Core.Resolution;

namespace LinkCheck.Cli;

/// <summary>
/// The live progress line on standard error: checked/total, requests in flight and queued, broken so far, the
/// time elapsed and an estimate of the time left, and the busiest host, redrawn a few times a second. Only on a terminal, and never in CI (the <c>CI</c> variable, which
/// GitHub Actions and the other CI systems set), where it would only be noise in the log.
/// </summary>
internal sealed class ProgressDisplay : IAsyncDisposable
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(250);
    private readonly TextWriter _error;
    private readonly ProgressTracker _tracker;
    private readonly ITimer _timer;
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly long _started;
    private bool _drawn;
    private bool _stopped;

    private ProgressDisplay(TextWriter error, ProgressTracker tracker, TimeProvider time)
    {
        _error = error;
        _tracker = tracker;
        _time = time;
        _started = time.GetTimestamp();
        _timer = time.CreateTimer(_ => Draw(), null, Period, Period);
    }

    /// <summary>Starts a display when the environment wants one; null otherwise.</summary>
    public static ProgressDisplay? StartIfWanted(CliEnvironment environment, ProgressTracker tracker, bool disabled)
    {
        var wanted = !disabled
            && !environment.IsErrorRedirected
            && string.IsNullOrEmpty(environment.GetVariable("CI"))
            && string.IsNullOrEmpty(environment.GetVariable("GITHUB_ACTIONS"))
            && environment.GetVariable("TERM") != "dumb";
        return wanted ? new ProgressDisplay(environment.Error, tracker, environment.Time) : null;
    }

    private void Draw()
    {
        lock (_lock)
        {
            if (_stopped)
            {
                return;
            }

            var p = _tracker.Snapshot();
            if (p.Total == 0)
            {
                return;
            }

            _error.Write("\r\u001b[2K" + Line(p, _time.GetElapsedTime(_started)));
            _error.Flush();
            _drawn = true;
        }
    }

    /// <summary>
    /// The progress line: <c>10/40 checked, 3 in flight, 27 queued, 1 broken, 5s elapsed, about 40s left (busiest
    /// host example.com: 20 requests)</c>. The estimate is the larger of the pace so far and the least time the
    /// busiest host's queue needs at its rate limit, since that host usually decides when the run ends.
    /// </summary>
    public static string Line(CheckProgress p, TimeSpan elapsed)
    {
        var remaining = p.Total - p.Checked;
        TimeSpan? pace = p.Checked > 0 ? elapsed * remaining / p.Checked : null;
        TimeSpan? floor = p.BusiestHostMinimum > TimeSpan.Zero ? p.BusiestHostMinimum : null;
        TimeSpan? estimate = (pace, floor) switch
        {
            (null, null) => null,
            ({ } a, { } b) => a > b ? a : b,
            ({ } a, null) => a,
            (null, { } b) => b,
        };
        var left = remaining == 0 ? string.Empty : estimate is { } e ? $", about {Clock(e)} left" : ", estimating the time left";
        var busiest = p.BusiestHost is null ? string.Empty
            : p.BusiestHostLoad > 0 ? $" (busiest host {TerminalText.Escape(p.BusiestHost)}: {p.BusiestHostLoad} requests)"
            : $" (busiest host {TerminalText.Escape(p.BusiestHost)})";
        return $"{p.Checked}/{p.Total} checked, {p.InFlight} in flight, {p.Queued} queued, {p.Broken} broken, {Clock(elapsed)} elapsed{left}{busiest}";
    }

    /// <summary>A duration as people read a clock: <c>5s</c>, <c>2m 05s</c>, <c>1h 02m</c>.</summary>
    private static string Clock(TimeSpan t) => t.TotalHours >= 1
        ? $"{(int)t.TotalHours}h {t.Minutes:00}m"
        : t.TotalMinutes >= 1 ? $"{(int)t.TotalMinutes}m {t.Seconds:00}s" : $"{(int)Math.Ceiling(t.TotalSeconds)}s";

    public async ValueTask DisposeAsync()
    {
        await _timer.DisposeAsync().ConfigureAwait(false);
        lock (_lock)
        {
            _stopped = true;
            if (_drawn)
            {
                _error.Write("\r\u001b[2K");
                _error.Flush();
            }
        }
    }
}
