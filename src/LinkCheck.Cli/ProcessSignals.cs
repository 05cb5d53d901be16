using System.Runtime.InteropServices;

namespace LinkCheck.Cli;

/// <summary>
/// SIGINT (Ctrl+C) and SIGTERM (what the GitHub runner sends a cancelled step, and <c>docker stop</c>) cancel the run
/// instead of killing it: the links checked so far are reported (marked partial), the cache is written, and the
/// process exits with 130 or 143. The run gets <see cref="GracePeriod"/> for that; a second signal, or the end of the
/// grace period, ends the process at once with the same code.
/// </summary>
public sealed class ProcessSignals : IDisposable
{
    /// <summary>How long a cancelled run may take to report before the process ends anyway.</summary>
    public static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(1.8);

    private readonly CancellationTokenSource _cancellation = new();
    private readonly List<PosixSignalRegistration> _registrations = [];
    private readonly Action<int> _exit;
    private Timer? _deadline;
    private int _signal;

    private ProcessSignals(Action<int> exit) => _exit = exit;

    /// <summary>Cancelled by the first SIGINT or SIGTERM.</summary>
    public CancellationToken Token => _cancellation.Token;

    /// <summary>Handles SIGINT and SIGTERM for this process until disposed.</summary>
    public static ProcessSignals Register() => Register(Environment.Exit);

    internal static ProcessSignals Register(Action<int> exit)
    {
        var signals = new ProcessSignals(exit);
        signals._registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, signals.Handle));
        signals._registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, signals.Handle));
        return signals;
    }

    /// <summary>The exit code of the run: <paramref name="code"/>, or the signal's when a signal cancelled the run.</summary>
    public int ExitCode(int code) => Volatile.Read(ref _signal) switch
    {
        0 => code,
        var signal => CodeOf(signal),
    };

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _deadline?.Dispose();
        _cancellation.Dispose();
    }

    private static int CodeOf(int signal) => signal == (int)PosixSignal.SIGTERM ? ExitCodes.Terminated : ExitCodes.Cancelled;

    private void Handle(PosixSignalContext context)
    {
        // Keep the runtime from ending the process: the run ends itself, with its partial report.
        context.Cancel = true;
        if (Interlocked.CompareExchange(ref _signal, (int)context.Signal, 0) != 0)
        {
            _exit(ExitCode(0));
            return;
        }

        _deadline = new Timer(_ => _exit(ExitCode(0)), null, GracePeriod, Timeout.InfiniteTimeSpan);
        _cancellation.Cancel();
    }
}
