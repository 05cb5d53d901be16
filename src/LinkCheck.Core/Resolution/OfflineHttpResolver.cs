using LinkCheck.Core.Model;
using LinkCheck.Core.Planning;

namespace LinkCheck.Core.Resolution;

/// <summary>Reports external links as skipped when the run is offline (<c>--offline</c>).</summary>
public sealed class OfflineHttpResolver : ILinkResolver
{
    /// <inheritdoc />
    public bool CanResolve(LinkTarget target) => target.Kind == TargetKind.Http;

    /// <inheritdoc />
    public ValueTask<Verdict> ResolveAsync(PlannedCheck check, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Verdict.Skipped("external link not checked (offline)"));
}
