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

    /// <summary>Resolves every check; the verdicts are in the order of <paramref name="checks"/>.</summary>
    /// <param name="checks">The planned checks.</param>
    /// <param name="parallelism">How many threads run the checks that complete synchronously (files and anchors).</param>
    /// <param name="cancellationToken">Cancels the run.</param>
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
        Parallel.ForEach(
            System.Collections.Concurrent.Partitioner.Create(0, checks.Count, Math.Max(256, checks.Count / (4 * Math.Max(1, parallelism)))),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken },
            range =>
            {
                for (var i = range.Item1; i < range.Item2; i++)
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
            verdicts[index] = await task.ConfigureAwait(false);
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
