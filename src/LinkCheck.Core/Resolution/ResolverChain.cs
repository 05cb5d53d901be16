using LinkCheck.Core.Model;
using LinkCheck.Core.Planning;

namespace LinkCheck.Core.Resolution;

/// <summary>
/// The one dispatch point of resolution: each planned check goes to the first resolver that can resolve it.
/// All checks start at once; resolvers that touch the network bound their own concurrency.
/// </summary>
public sealed class ResolverChain
{
    private readonly IReadOnlyList<ILinkResolver> _resolvers;

    /// <summary>Creates the chain; order matters.</summary>
    public ResolverChain(IReadOnlyList<ILinkResolver> resolvers) => _resolvers = resolvers;

    /// <summary>The verdict of a check the run did not finish because it was cancelled (SIGINT, SIGTERM).</summary>
    public static Verdict NotCheckedCancelled { get; } = Verdict.Skipped("not checked: the run was cancelled");

    /// <summary>Resolves every check; the verdicts are in the order of <paramref name="checks"/>.</summary>
    /// <param name="checks">The planned checks.</param>
    /// <param name="parallelism">How many threads run the checks that complete synchronously (files and anchors).</param>
    /// <param name="cancellationToken">
    /// Stops the run: the checks already finished keep their verdicts and every other one gets
    /// <see cref="NotCheckedCancelled"/>, so a cancelled run can still report what it found (partially).
    /// </param>
    public async Task<Verdict[]> ResolveAllAsync(IReadOnlyList<PlannedCheck> checks, int parallelism, CancellationToken cancellationToken)
    {
        // Local checks complete synchronously and are spread over the cores; the ones that really wait (the
        // network) come back as pending tasks, which bound their own concurrency, and are awaited together.
        var verdicts = new Verdict[checks.Count];
        if (checks.Count == 0)
        {
            return verdicts; // Partitioner.Create refuses an empty range.
        }

        var pending = new System.Collections.Concurrent.ConcurrentBag<(int Index, Task<Verdict> Task)>();
        try
        {
            Parallel.ForEach(
                System.Collections.Concurrent.Partitioner.Create(0, checks.Count, Math.Max(256, checks.Count / (4 * Math.Max(1, parallelism)))),
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken },
                range =>
                {
                    for (var i = range.Item1; i < range.Item2 && !cancellationToken.IsCancellationRequested; i++)
                    {
                        var resolution = ResolveAsync(checks[i], cancellationToken);
                        if (resolution.IsCompletedSuccessfully)
                        {
                            verdicts[i] = resolution.Result;
                        }
                        else
                        {
                            pending.Add((i, resolution.AsTask()));
                        }
                    }
                });

            foreach (var (index, task) in pending)
            {
                verdicts[index] = await task.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Keep what finished; the requests still in flight end on the same token and are not waited for.
            foreach (var (index, task) in pending)
            {
                if (task.IsCompletedSuccessfully)
                {
                    verdicts[index] = task.Result;
                }
                else
                {
                    _ = task.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
                }
            }

            for (var i = 0; i < verdicts.Length; i++)
            {
                verdicts[i] ??= NotCheckedCancelled;
            }
        }

        return verdicts;
    }

    /// <summary>Resolves one check.</summary>
    public ValueTask<Verdict> ResolveAsync(PlannedCheck check, CancellationToken cancellationToken)
    {
        foreach (var resolver in _resolvers)
        {
            if (resolver.CanResolve(check.Target))
            {
                return resolver.ResolveAsync(check, cancellationToken);
            }
        }

        return ValueTask.FromResult(Verdict.Skipped($"no checker for '{check.Target.Key}'"));
    }
}
