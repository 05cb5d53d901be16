using System.Collections.Concurrent;

namespace LinkCheck.Core.Resolution;

/// <summary>
/// Decides when a request may start, politely and fast: at most <c>MaxConcurrency</c> requests in flight in
/// all, at most a host's own limit to any one host, starts to one host spaced by its interval, and a whole host
/// paused after it asked for a pause (429 or 503 with Retry-After). Hosts are independent: a slow host holds only
/// its own slots, and a request takes a global slot only once its host lets it start. When global slots are
/// scarce they go to the host with the most requests still waiting: the run cannot end before its busiest host
/// is done, so that host is kept at its full concurrency.
/// <list type="bullet">
/// <item><b>A dead URL does not stall its host.</b> While other requests wait for a host, a request that has been
/// in flight far longer than that host usually takes (<see cref="SlotReleaseFactor"/> × the median of its recent
/// answers, at least <see cref="MinimumSlotRelease"/>) gives its slot back and keeps waiting for its answer
/// outside the host's limit. At most as many such requests as the host's concurrency are outstanding at once,
/// so the host never sees more than twice its concurrency, and never more than its concurrency of requests that
/// it answers at its usual speed.</item>
/// <item><b>Work after other work.</b> A request acquired with <c>afterOtherWork</c> (the retry of a timed-out URL)
/// gets a slot only when no other request waits for the host.</item>
/// <item><b>Pauses merge.</b> Overlapping pauses of one host are one pause that ends when the last one ends.</item>
/// <item><b>AIMD for rate limits without Retry-After.</b> A 429 that names no pause halves the host's concurrency
/// (once per round of requests: answers to requests started before the last halving do not halve again); each
/// answer that is not a 429 grows it back by 1/concurrency, so by one per round, up to the host's limit
/// (the additive-increase, multiplicative-decrease rule of TCP congestion control, RFC 5681 §3.1).</item>
/// </list>
/// </summary>
public sealed class HostScheduler : IDisposable
{
    /// <summary>A request holds its slot for at most this many times the host's median answer time, while others wait.</summary>
    public const int SlotReleaseFactor = 10;

    /// <summary>A request never gives its slot back before it has been in flight this long.</summary>
    public static readonly TimeSpan MinimumSlotRelease = TimeSpan.FromSeconds(2);

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
    public Task<Lease> AcquireAsync(string host, CancellationToken cancellationToken) => AcquireAsync(host, afterOtherWork: false, cancellationToken);

    /// <summary>
    /// Waits until a request to <paramref name="host"/> may start; with <paramref name="afterOtherWork"/>, only once
    /// no other request waits for that host. Dispose the lease when the request is done.
    /// </summary>
    public async Task<Lease> AcquireAsync(string host, bool afterOtherWork, CancellationToken cancellationToken)
    {
        var state = State(host);
        await state.WaitForSlotAsync(afterOtherWork, cancellationToken).ConfigureAwait(false);
        try
        {
            // Spacing and pauses are waited for while holding only the host's slot.
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
            state.ReleaseSlot();
            throw;
        }

        var lease = new Lease(this, state, _time.GetUtcNow());
        state.Started(lease);
        return lease;
    }

    /// <summary>Pauses every request to <paramref name="host"/> for <paramref name="delay"/>; overlapping pauses merge.</summary>
    public void BackOff(string host, TimeSpan delay) => State(host).PauseUntil(_time.GetUtcNow() + delay);

    /// <summary>The host with the most requests in flight or waiting, for the progress line.</summary>
    public string? BusiestHost()
    {
        string? busiest = null;
        var most = 0;
        foreach (var (host, state) in _hosts)
        {
            var load = Volatile.Read(ref state.Waiting) + state.Holding;
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

        var load = Volatile.Read(ref state.Waiting) + state.Holding;
        var limits = LimitsFor(host);
        return (host, load, limits.Interval * load / Math.Max(1, limits.Concurrency));
    }

    /// <summary>Counts a request that is waiting for its host (for <see cref="BusiestHost"/> and the global queue).</summary>
    public void NoteWaiting(string host, int delta) => _global.AddBacklog(State(host), delta);

    /// <summary>How many times the global gate compared two hosts: grows as n log n in the number of waiting hosts.</summary>
    internal long GateComparisons => _global.Comparisons;

    /// <summary>The limits that apply to <paramref name="host"/>.</summary>
    public HostLimits LimitsFor(string host) =>
        _options.HostOverrides.TryGetValue(host, out var limits)
            ? limits
            : new HostLimits(_options.HostConcurrency, _options.HostRequestInterval);

    /// <summary>The concurrency <paramref name="host"/> is allowed now (its limit, or less after rate limits).</summary>
    public int CurrentConcurrency(string host) => State(host).Window;

    /// <summary>The most requests that held one of <paramref name="host"/>'s slots at once.</summary>
    public int MaxHolding(string host) => State(host).MaxHolding;

    /// <summary>How long a request to <paramref name="host"/> may hold its slot while others wait.</summary>
    public TimeSpan SlotReleaseAfter(string host) => State(host).ReleaseAfter();

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var state in _hosts.Values)
        {
            state.Dispose();
        }
    }

    private HostState State(string host) => _hosts.GetOrAdd(host, h => new HostState(LimitsFor(h), this));

    /// <summary>A started request; disposing it frees its slots.</summary>
    public sealed class Lease : IDisposable
    {
        private readonly HostScheduler _owner;
        private readonly HostState _state;
        private int _ended;

        internal Lease(HostScheduler owner, HostState state, DateTimeOffset startedAt)
        {
            _owner = owner;
            _state = state;
            StartedAt = startedAt;
        }

        /// <summary>When the request started.</summary>
        public DateTimeOffset StartedAt { get; }

        /// <summary>True once the request gave its slot back while still waiting for its answer.</summary>
        public bool Released { get; internal set; }

        /// <summary>Records that the host answered (any status): its time counts for the median, and a 429 without
        /// Retry-After halves the host's concurrency, anything else grows it back.</summary>
        public void Answered(bool rateLimited) => _state.Answered(this, _owner._time.GetUtcNow(), rateLimited);

        /// <inheritdoc />
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0)
            {
                _state.Ended(this);
            }
        }

        internal void ReleaseGlobal() => _owner._global.Release();
    }

    /// <summary>
    /// A counting gate whose free slots go to the waiter whose host has the longest queue (ties: the earliest).
    /// <para>
    /// Waiters are kept per host (oldest first) and the hosts that have waiters in one ordered set, keyed by the
    /// host's backlog and its oldest waiter, so a wait, a release, a cancellation and a change of backlog each cost
    /// O(log hosts). One flat list scanned on every release cost O(waiters) each time: with 100,000 distinct hosts,
    /// each with a request waiting here, a run made billions of backlog reads (docs/reliability.md).
    /// </para>
    /// </summary>
    private sealed class PriorityGate
    {
        private readonly Lock _lock = new();
        private readonly HostOrder _order = new();
        private readonly SortedSet<HostState> _hosts;
        private int _available;
        private long _sequence;

        public PriorityGate(int slots)
        {
            _available = slots;
            _hosts = new SortedSet<HostState>(_order);
        }

        /// <summary>How many times the gate compared two hosts' places in its order: the measure of its work.</summary>
        public long Comparisons
        {
            get
            {
                lock (_lock)
                {
                    return _order.Count;
                }
            }
        }

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

                waiter = new Waiter(++_sequence);
                var waiters = host.GateWaiters ??= new LinkedList<Waiter>();
                if (waiters.Count == 0)
                {
                    waiter.Node = waiters.AddLast(waiter);
                    host.GateBacklog = host.Waiting;
                    host.GateOldest = waiter.Sequence;
                    _hosts.Add(host);
                }
                else
                {
                    waiter.Node = waiters.AddLast(waiter);
                }
            }

            if (cancellationToken.CanBeCanceled)
            {
                waiter.Registration = cancellationToken.Register(() =>
                {
                    lock (_lock)
                    {
                        if (waiter.Node.List is null)
                        {
                            return;
                        }

                        Remove(host, waiter.Node);
                    }

                    waiter.Done.TrySetCanceled(cancellationToken);
                });
            }

            return waiter.Done.Task;
        }

        public void Release()
        {
            Waiter next;
            lock (_lock)
            {
                if (_hosts.Count == 0)
                {
                    _available++;
                    return;
                }

                var host = _hosts.Min!;
                next = host.GateWaiters!.First!.Value;
                Remove(host, next.Node);
            }

            next.Registration.Dispose();
            next.Done.TrySetResult();
        }

        /// <summary>Changes a host's backlog (<see cref="HostState.Waiting"/>), moving the host to its new place in the order.</summary>
        public void AddBacklog(HostState host, int delta)
        {
            lock (_lock)
            {
                var enrolled = host.GateWaiters is { Count: > 0 } && _hosts.Remove(host);
                Volatile.Write(ref host.Waiting, host.Waiting + delta);
                if (enrolled)
                {
                    host.GateBacklog = host.Waiting;
                    _hosts.Add(host);
                }
            }
        }

        /// <summary>Takes a waiter out; its host keeps its place when it has other waiters (keyed by the next oldest).</summary>
        private void Remove(HostState host, LinkedListNode<Waiter> node)
        {
            var waiters = host.GateWaiters!;
            if (waiters.First != node)
            {
                waiters.Remove(node);
                return;
            }

            _hosts.Remove(host);
            waiters.Remove(node);
            if (waiters.First is { } oldest)
            {
                host.GateOldest = oldest.Value.Sequence;
                _hosts.Add(host);
            }
        }

        /// <summary>The longest backlog first, then the oldest waiter; sequences are unique, so no two hosts tie.</summary>
        private sealed class HostOrder : IComparer<HostState>
        {
            public long Count { get; private set; }

            public int Compare(HostState? x, HostState? y)
            {
                Count++;
                var byBacklog = y!.GateBacklog.CompareTo(x!.GateBacklog);
                return byBacklog != 0 ? byBacklog : x.GateOldest.CompareTo(y.GateOldest);
            }
        }
    }

    /// <summary>A request waiting at the global gate.</summary>
    internal sealed class Waiter(long sequence)
    {
        public long Sequence { get; } = sequence;

        public LinkedListNode<Waiter> Node { get; set; } = null!;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationTokenRegistration Registration { get; set; }
    }

    /// <summary>One host's slots, queue, next allowed start, pause, answer times and concurrency window.</summary>
    internal sealed class HostState : IDisposable
    {
        private const int Samples = 64;

        private readonly Lock _lock = new();
        private readonly HostLimits _limits;
        private readonly HostScheduler _owner;
        private readonly LinkedList<TaskCompletionSource> _queue = new();
        private readonly LinkedList<TaskCompletionSource> _afterOtherWork = new();
        private readonly List<Lease> _active = [];
        // Allocated at the first answer: a run with 100,000 hosts that never answer keeps none.
        private double[]? _samples;
        private int _sampleCount;
        private int _holding;
        private int _released;
        private int _maxHolding;
        private double _window;
        private DateTimeOffset _lastDecrease = DateTimeOffset.MinValue;
        private DateTimeOffset _nextStart = DateTimeOffset.MinValue;
        private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;
        private ITimer? _releaseTimer;

        public HostState(HostLimits limits, HostScheduler owner)
        {
            _limits = limits;
            _owner = owner;
            _window = Limit;
        }

#pragma warning disable CA1051 // Counter written under the global gate's lock, read without it.
        public int Waiting;
#pragma warning restore CA1051

        /// <summary>This host's requests waiting at the global gate, oldest first (guarded by the gate's lock).</summary>
        public LinkedList<Waiter>? GateWaiters { get; set; }

        /// <summary>The backlog this host is ordered by at the gate (guarded by the gate's lock; fixed while in its set).</summary>
        public int GateBacklog { get; set; }

        /// <summary>The sequence number of this host's oldest waiter at the gate (guarded like <see cref="GateBacklog"/>).</summary>
        public long GateOldest { get; set; }

        public int Limit => Math.Max(1, _limits.Concurrency);

        public int Window
        {
            get
            {
                lock (_lock)
                {
                    return (int)_window;
                }
            }
        }

        public int Holding
        {
            get
            {
                lock (_lock)
                {
                    return _holding;
                }
            }
        }

        public int MaxHolding
        {
            get
            {
                lock (_lock)
                {
                    return _maxHolding;
                }
            }
        }

        public Task WaitForSlotAsync(bool afterOtherWork, CancellationToken cancellationToken)
        {
            TaskCompletionSource waiter;
            LinkedListNode<TaskCompletionSource> node;
            lock (_lock)
            {
                if (_holding < (int)_window && _queue.Count == 0 && (!afterOtherWork || _afterOtherWork.Count == 0))
                {
                    Take();
                    return Task.CompletedTask;
                }

                waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                node = (afterOtherWork ? _afterOtherWork : _queue).AddLast(waiter);
                ReleaseStalled(_owner._time.GetUtcNow());
            }

            if (cancellationToken.CanBeCanceled)
            {
                var registration = cancellationToken.Register(() =>
                {
                    lock (_lock)
                    {
                        if (node.List is null)
                        {
                            return;
                        }

                        node.List.Remove(node);
                    }

                    waiter.TrySetCanceled(cancellationToken);
                });
                _ = waiter.Task.ContinueWith(_ => registration.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }

            return waiter.Task;
        }

        /// <summary>Gives back a slot taken by <see cref="WaitForSlotAsync"/> when the request did not start.</summary>
        public void ReleaseSlot()
        {
            List<TaskCompletionSource> granted;
            lock (_lock)
            {
                _holding--;
                granted = Grant();
            }

            Complete(granted);
        }

        public void Started(Lease lease)
        {
            lock (_lock)
            {
                _active.Add(lease);
            }
        }

        public void Answered(Lease lease, DateTimeOffset now, bool rateLimited)
        {
            List<TaskCompletionSource> granted;
            lock (_lock)
            {
                (_samples ??= new double[Samples])[_sampleCount % Samples] = (now - lease.StartedAt).TotalMilliseconds;
                _sampleCount++;
                if (rateLimited)
                {
                    if (lease.StartedAt >= _lastDecrease)
                    {
                        _window = Math.Max(1, Math.Floor(_window / 2));
                        _lastDecrease = now;
                    }
                }
                else if (_window < Limit)
                {
                    _window = Math.Min(Limit, _window + (1 / _window));
                }

                granted = Grant();
            }

            Complete(granted);
        }

        public void Ended(Lease lease)
        {
            List<TaskCompletionSource> granted;
            var releaseGlobal = false;
            lock (_lock)
            {
                _active.Remove(lease);
                if (lease.Released)
                {
                    _released--;
                }
                else
                {
                    _holding--;
                    releaseGlobal = true;
                }

                granted = Grant();
                if (_queue.Count + _afterOtherWork.Count > 0)
                {
                    ReleaseStalled(_owner._time.GetUtcNow());
                }
            }

            if (releaseGlobal)
            {
                lease.ReleaseGlobal();
            }

            Complete(granted);
        }

        public TimeSpan ReleaseAfter()
        {
            lock (_lock)
            {
                return ReleaseAfterLocked();
            }
        }

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

                _nextStart = now + _limits.Interval;
                return TimeSpan.Zero;
            }
        }

        public void PauseUntil(DateTimeOffset until)
        {
            lock (_lock)
            {
                // One pause per host: a pause that overlaps the current one extends it, never stacks on top of it.
                if (until > _pausedUntil)
                {
                    _pausedUntil = until;
                }
            }
        }

        public void Dispose()
        {
            lock (_lock)
            {
                _releaseTimer?.Dispose();
                _releaseTimer = null;
            }
        }

        private TimeSpan ReleaseAfterLocked()
        {
            var count = Math.Min(_sampleCount, Samples);
            if (count == 0)
            {
                return MinimumSlotRelease;
            }

            var sorted = _samples![..count];
            Array.Sort(sorted);
            var median = TimeSpan.FromMilliseconds(sorted[count / 2] * SlotReleaseFactor);
            return median > MinimumSlotRelease ? median : MinimumSlotRelease;
        }

        /// <summary>
        /// While requests wait: hands the slots of requests in flight longer than the release time to them (at most
        /// the host's concurrency of released requests outstanding), and arms one timer for the next such moment.
        /// </summary>
        private void ReleaseStalled(DateTimeOffset now)
        {
            var after = ReleaseAfterLocked();
            TimeSpan? next = null;
            List<Lease>? freed = null;
            foreach (var lease in _active)
            {
                if (lease.Released)
                {
                    continue;
                }

                var due = lease.StartedAt + after - now;
                if (due > TimeSpan.Zero)
                {
                    next = next is null || due < next ? due : next;
                    continue;
                }

                if (_released >= Limit)
                {
                    break;
                }

                lease.Released = true;
                _released++;
                _holding--;
                (freed ??= []).Add(lease);
            }

            if (freed is not null)
            {
                var granted = Grant();
                foreach (var lease in freed)
                {
                    lease.ReleaseGlobal();
                }

                Complete(granted);
            }

            if (next is { } wait && _releaseTimer is null && _released < Limit)
            {
                _releaseTimer = _owner._time.CreateTimer(
                    _ =>
                    {
                        lock (_lock)
                        {
                            _releaseTimer?.Dispose();
                            _releaseTimer = null;
                            if (_queue.Count + _afterOtherWork.Count > 0)
                            {
                                ReleaseStalled(_owner._time.GetUtcNow());
                            }
                        }
                    },
                    null,
                    wait,
                    Timeout.InfiniteTimeSpan);
            }
        }

        private void Take()
        {
            _holding++;
            if (_holding > _maxHolding)
            {
                _maxHolding = _holding;
            }
        }

        /// <summary>Hands free slots to waiters: the host's other work first, then work that waits for it.</summary>
        private List<TaskCompletionSource> Grant()
        {
            var granted = new List<TaskCompletionSource>();
            while (_holding < (int)_window)
            {
                var queue = _queue.Count > 0 ? _queue : _afterOtherWork;
                if (queue.First is not { } first)
                {
                    break;
                }

                queue.RemoveFirst();
                if (first.Value.Task.IsCompleted)
                {
                    continue;
                }

                Take();
                granted.Add(first.Value);
            }

            return granted;
        }

        private static void Complete(List<TaskCompletionSource> granted)
        {
            foreach (var waiter in granted)
            {
                waiter.TrySetResult();
            }
        }
    }
}
