using System.Collections.Concurrent;

namespace LinkCheck.Core.Resolution;

/// <summary>
/// Decides when a request may start, politely and fast: at most <c>MaxConcurrency</c> requests in flight in
/// all, at most a host's own limit to any one host, starts to one host spaced by its interval, and a whole host
/// paused after it answered 429 (so one rate limit slows that host down, not only the one request). Hosts are
/// independent: a slow host holds only its own slots, and a request takes a global slot only once its host
/// lets it start. When global slots are scarce they go to the host with the most requests still waiting:
/// the run cannot end before its busiest host is done, so that host is kept at its full concurrency.
/// </summary>
public sealed class HostScheduler : IDisposable
{
    private readonly PriorityGate _global;
    private readonly ConcurrentDictionary<string, HostState> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly HttpCheckOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Creates the scheduler for one run.</summary>
    public HostScheduler(HttpCheckOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
        _global = new PriorityGate(Math.Max(1, options.MaxConcurrency));
    }

    /// <summary>Waits until a request to <paramref name="host"/> may start; dispose the lease when it is done.</summary>
    public async Task<Lease> AcquireAsync(string host, CancellationToken cancellationToken)
    {
        var state = _hosts.GetOrAdd(host, h => new HostState(LimitsFor(h)));
        await state.Slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Spacing and back-off are waited for while holding only the host's slot.
            while (true)
            {
                var delay = state.ReserveStart(_time.GetUtcNow());
                if (delay <= TimeSpan.Zero)
                {
                    break;
                }

                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            }

            await _global.WaitAsync(state, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            state.Slots.Release();
            throw;
        }

        Interlocked.Increment(ref state.InFlight);
        return new Lease(this, state);
    }

    /// <summary>Pauses every request to <paramref name="host"/> for <paramref name="delay"/> (after a 429).</summary>
    public void BackOff(string host, TimeSpan delay)
    {
        var state = _hosts.GetOrAdd(host, h => new HostState(LimitsFor(h)));
        state.PauseUntil(_time.GetUtcNow() + delay);
    }

    /// <summary>The host with the most requests in flight or waiting, for the progress line.</summary>
    public string? BusiestHost()
    {
        string? busiest = null;
        var most = 0;
        foreach (var (host, state) in _hosts)
        {
            var load = Volatile.Read(ref state.Waiting) + Volatile.Read(ref state.InFlight);
            if (load > most)
            {
                most = load;
                busiest = host;
            }
        }

        return busiest;
    }

    /// <summary>
    /// The busiest host's backlog (waiting and in flight) and the least time it needs to drain at that host's
    /// limits (one request per interval, at most its concurrency at once): the floor of any estimate of the time left.
    /// </summary>
    public (string Host, int Load, TimeSpan Minimum)? BusiestBacklog()
    {
        if (BusiestHost() is not { } host || !_hosts.TryGetValue(host, out var state))
        {
            return null;
        }

        var load = Volatile.Read(ref state.Waiting) + Volatile.Read(ref state.InFlight);
        var limits = LimitsFor(host);
        return (host, load, limits.Interval * load / Math.Max(1, limits.Concurrency));
    }

    /// <summary>Counts a request that is waiting for its host (for <see cref="BusiestHost"/>).</summary>
    public void NoteWaiting(string host, int delta)
    {
        var state = _hosts.GetOrAdd(host, h => new HostState(LimitsFor(h)));
        Interlocked.Add(ref state.Waiting, delta);
    }

    /// <summary>The limits that apply to <paramref name="host"/>.</summary>
    public HostLimits LimitsFor(string host) =>
        _options.HostOverrides.TryGetValue(host, out var limits)
            ? limits
            : new HostLimits(_options.HostConcurrency, _options.HostRequestInterval);

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var state in _hosts.Values)
        {
            state.Slots.Dispose();
        }
    }

    private void Release(HostState state)
    {
        Interlocked.Decrement(ref state.InFlight);
        _global.Release();
        state.Slots.Release();
    }

    /// <summary>A started request; disposing it frees its slots.</summary>
    public sealed class Lease : IDisposable
    {
        private HostScheduler? _owner;
        private readonly HostState _state;

        internal Lease(HostScheduler owner, HostState state)
        {
            _owner = owner;
            _state = state;
        }

        /// <inheritdoc />
        public void Dispose() => Interlocked.Exchange(ref _owner, null)?.Release(_state);
    }

    /// <summary>
    /// A counting gate whose free slots go to the waiter whose host has the longest queue (ties: the earliest).
    /// </summary>
    private sealed class PriorityGate(int slots)
    {
        private readonly Lock _lock = new();
        private readonly List<Waiter> _waiters = [];
        private int _available = slots;

        public Task WaitAsync(HostState host, CancellationToken cancellationToken)
        {
            Waiter waiter;
            lock (_lock)
            {
                if (_available > 0)
                {
                    _available--;
                    return Task.CompletedTask;
                }

                waiter = new Waiter(host);
                _waiters.Add(waiter);
            }

            if (cancellationToken.CanBeCanceled)
            {
                waiter.Registration = cancellationToken.Register(() =>
                {
                    lock (_lock)
                    {
                        if (!_waiters.Remove(waiter))
                        {
                            return;
                        }
                    }

                    waiter.Done.TrySetCanceled(cancellationToken);
                });
            }

            return waiter.Done.Task;
        }

        public void Release()
        {
            Waiter? next = null;
            lock (_lock)
            {
                var best = -1;
                for (var i = 0; i < _waiters.Count; i++)
                {
                    if (best < 0 || Backlog(_waiters[i].Host) > Backlog(_waiters[best].Host))
                    {
                        best = i;
                    }
                }

                if (best < 0)
                {
                    _available++;
                    return;
                }

                next = _waiters[best];
                _waiters.RemoveAt(best);
            }

            next.Registration.Dispose();
            next.Done.TrySetResult();
        }

        private static int Backlog(HostState host) => Volatile.Read(ref host.Waiting);

        private sealed class Waiter(HostState host)
        {
            public HostState Host { get; } = host;

            public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

            public CancellationTokenRegistration Registration { get; set; }
        }
    }

    /// <summary>One host's slots, next allowed start and pause.</summary>
    internal sealed class HostState(HostLimits limits)
    {
        private readonly Lock _lock = new();
        private DateTimeOffset _nextStart = DateTimeOffset.MinValue;
        private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

        public SemaphoreSlim Slots { get; } = new(Math.Max(1, limits.Concurrency));

#pragma warning disable CA1051 // Counters updated with Interlocked.
        public int InFlight;
        public int Waiting;
#pragma warning restore CA1051

        /// <summary>How long to wait before starting; zero means "start now" and reserves the next start.</summary>
        public TimeSpan ReserveStart(DateTimeOffset now)
        {
            lock (_lock)
            {
                var start = now;
                if (_pausedUntil > start)
                {
                    start = _pausedUntil;
                }

                if (_nextStart > start)
                {
                    start = _nextStart;
                }

                if (start > now)
                {
                    return start - now;
                }

                _nextStart = now + limits.Interval;
                return TimeSpan.Zero;
            }
        }

        public void PauseUntil(DateTimeOffset until)
        {
            lock (_lock)
            {
                if (until > _pausedUntil)
                {
                    _pausedUntil = until;
                }
            }
        }
    }
}
