using LinkCheck.Core.Model;
using LinkCheck.Core.Planning;

namespace LinkCheck.Core.Resolution;

/// <summary>Checks one kind of target. Resolvers are asked in order; the first that can resolve a target does.</summary>
public interface ILinkResolver
{
    /// <summary>True when this resolver handles <paramref name="target"/>.</summary>
    bool CanResolve(LinkTarget target);

    /// <summary>Checks the target of <paramref name="check"/> once for all its occurrences.</summary>
    ValueTask<Verdict> ResolveAsync(PlannedCheck check, CancellationToken cancellationToken);
}
