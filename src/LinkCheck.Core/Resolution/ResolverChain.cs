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
    public async Task<Verdict[]> ResolveAllAsync(IReadOnlyList<PlannedCheck> checks, CancellationToken cancellationToken)
    {
        var tasks = new Task<Verdict>[checks.Count];
        for (var i = 0; i < checks.Count; i++)
        {
            tasks[i] = ResolveAsync(checks[i], cancellationToken).AsTask();
        }

        return await Task.WhenAll(tasks).ConfigureAwait(false);
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
