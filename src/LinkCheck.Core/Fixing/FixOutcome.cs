using System.Globalization;
using LinkCheck.Core.Model;

namespace LinkCheck.Core.Fixing;

/// <summary>A file <see cref="LinkFixer.Apply"/> did not write, and why.</summary>
/// <param name="Path">The repository path.</param>
/// <param name="Problem">Why, in a sentence that names the file.</param>
public sealed record FixFailure(string Path, string Problem);

/// <summary>What applying a <see cref="FixPlan"/> did: the files written and the files left alone.</summary>
/// <param name="Written">The files rewritten.</param>
/// <param name="Failed">The files not written (unreadable, changed since the check, not writable).</param>
public sealed record FixOutcome(IReadOnlyList<FilePatch> Written, IReadOnlyList<FixFailure> Failed)
{
    /// <summary>The fixes that were written.</summary>
    public IReadOnlyList<LinkFix> Fixed => [.. Written.SelectMany(f => f.Changes).SelectMany(c => c.Fixes)];

    /// <summary>
    /// <paramref name="report"/> without the results whose destination was rewritten (every occurrence of a
    /// rewritten destination is fixed), with the summary counted again and a note saying how many were left out.
    /// </summary>
    public CheckReport Remaining(CheckReport report)
    {
        var done = Fixed.Select(f => f.Location).ToHashSet();
        var remaining = report.Results.Where(r => !(r.Fixable && done.Contains(r.Destination ?? r.Location))).ToList();
        var removed = report.Results.Count - remaining.Count;
        var s = report.Summary;
        return report with
        {
            Results = remaining,
            // Counted as a fresh run counts: the unique targets of the links left, not of the links before the fix.
            Summary = CheckSummary.From(remaining, s.Files, s.Duration),
            Notes = [.. report.Notes, $"{removed.ToString(CultureInfo.InvariantCulture)} fixed link{(removed == 1 ? string.Empty : "s")} left out of this report"],
        };
    }
}
