using LinkCheck.Core.Model;
using LinkCheck.Core.Planning;

namespace LinkCheck.Core.Resolution;

/// <summary>
/// The targets that need no lookup: other schemes (skipped, with the scheme named), invalid URLs (broken) and
/// empty destinations (a warning: <c>[text]()</c> links to the page itself, almost always a placeholder).
/// </summary>
public sealed class UncheckedTargetResolver : ILinkResolver
{
    /// <inheritdoc />
    public bool CanResolve(LinkTarget target) => target.Kind is TargetKind.OtherScheme or TargetKind.Invalid or TargetKind.Empty;

    /// <inheritdoc />
    public ValueTask<Verdict> ResolveAsync(PlannedCheck check, CancellationToken cancellationToken)
    {
        var target = check.Target;
        var verdict = target.Kind switch
        {
            TargetKind.OtherScheme => Verdict.Skipped($"{target.Scheme}: links are not checked"),
            TargetKind.Invalid => Verdict.Broken(FindingCode.InvalidUrl, target.Problem ?? "not a valid URL"),
            _ => Verdict.Warning(FindingCode.EmptyLink, "empty link destination: the link points to the page itself"),
        };
        return ValueTask.FromResult(verdict);
    }
}
