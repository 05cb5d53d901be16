using LinkCheck.Core.Model;
using LinkCheck.Core.Reporting;
using LinkCheck.Core.Resolution;

namespace LinkCheck.Cli;

/// <summary>
/// The live progress line on standard error: checked/total, requests in flight, broken so far and the busiest
/// host, redrawn a few times a second. Only on a terminal, and never in CI (the <c>CI</c> variable, which
/// GitHub Actions and the other CI systems set), where it would only be noise in the log.
/// </summary>
internal sealed class ProgressDisplay : IAsyncDisposable
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(250);
    private readonly TextWriter _error;
    private readonly ProgressTracker _tracker;
    private readonly ITimer _timer;
    private readonly Lock _lock = new();
    private bool _drawn;
    private bool _stopped;

    private ProgressDisplay(TextWriter error, ProgressTracker tracker, TimeProvider time)
    {
        _error = error;
        _tracker = tracker;
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

            var busiest = p.BusiestHost is null ? string.Empty : $", busiest host {TerminalText.Escape(p.BusiestHost)}";
            _error.Write($"\r\u001b[2K{p.Checked}/{p.Total} checked, {p.InFlight} in flight, {p.Broken} broken{busiest}");
            _error.Flush();
            _drawn = true;
        }
    }

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
