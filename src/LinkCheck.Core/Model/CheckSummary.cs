namespace LinkCheck.Core.Model;

/// <summary>The counts every report prints. Link counts are per occurrence; <see cref="Unique"/> counts distinct targets checked.</summary>
public sealed record CheckSummary(
    int Files,
    int Links,
    int Unique,
    int Ok,
    int Broken,
    int Warnings,
    int Unverified,
    int Skipped,
    int Excluded,
    int Errors,
    TimeSpan Duration)
{
    /// <summary>
    /// Counts results the way a run does, with the unique targets taken from the results themselves (after
    /// <c>--fix</c> has taken some out, the unique count must shrink with them).
    /// </summary>
    public static CheckSummary From(IReadOnlyList<LinkResult> results, int files, TimeSpan duration) =>
        From(results, files, results.Select(r => r.TargetKey).OfType<string>().Distinct(StringComparer.Ordinal).Count(), duration);

    /// <summary>Counts the results of a run.</summary>
    public static CheckSummary From(IReadOnlyList<LinkResult> results, int files, int unique, TimeSpan duration)
    {
        int ok = 0, broken = 0, warnings = 0, unverified = 0, skipped = 0, excluded = 0, errors = 0, links = 0;
        foreach (var result in results)
        {
            if (result.Url is not null)
            {
                links++;
            }

            switch (result.Status)
            {
                case LinkStatus.Ok: ok++; break;
                case LinkStatus.Broken: broken++; break;
                case LinkStatus.Warning: warnings++; break;
                case LinkStatus.Unverified: unverified++; break;
                case LinkStatus.Skipped: skipped++; break;
                case LinkStatus.Excluded: excluded++; break;
                case LinkStatus.Error: errors++; break;
            }
        }

        return new CheckSummary(files, links, unique, ok, broken, warnings, unverified, skipped, excluded, errors, duration);
    }
}
