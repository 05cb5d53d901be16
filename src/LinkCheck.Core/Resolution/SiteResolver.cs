using LinkCheck.Core.Model;
using LinkCheck.Core.Planning;
using LinkCheck.Core.Sites;

namespace LinkCheck.Core.Resolution;

/// <summary>Checks the links a site's model interpreted (<see cref="TargetKind.Site"/>) by asking that model.</summary>
public sealed class SiteResolver : ILinkResolver
{
    private readonly ISiteContext _context;

    /// <summary>Creates the resolver over the run's anchors.</summary>
    public SiteResolver(ISiteContext context) => _context = context;

    /// <inheritdoc />
    public bool CanResolve(LinkTarget target) => target.Kind == TargetKind.Site;

    /// <inheritdoc />
    public ValueTask<Verdict> ResolveAsync(PlannedCheck check, CancellationToken cancellationToken)
    {
        var link = (SiteLink)check.Target.Site!;
        return ValueTask.FromResult(link.Site.Resolve(link, _context));
    }
}
