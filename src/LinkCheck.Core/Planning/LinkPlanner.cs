using LinkCheck.Core.Model;

namespace LinkCheck.Core.Planning;

/// <summary>Groups occurrences by normalised target so that each distinct target is checked once.</summary>
public static class LinkPlanner
{
    /// <summary>The checks for <paramref name="occurrences"/>, in the order each target first appears.</summary>
    /// <param name="occurrences">The links to check.</param>
    /// <param name="remap">Rewrites each URL before it is parsed (<c>--remap</c>), or null.</param>
    /// <param name="parallelism">How many threads parse targets; parsing is pure, grouping stays sequential.</param>
    /// <param name="interpret">
    /// How a URL written as an occurrence becomes a target when a site is involved (the run's <c>Sites.SiteMap</c>,
    /// which comes later in the pipeline); null for GitHub's rules (<see cref="LinkTargetParser"/>) only.
    /// </param>
    public static IReadOnlyList<PlannedCheck> Plan(IReadOnlyList<LinkOccurrence> occurrences, UrlRemapper? remap = null, int parallelism = 1, Func<string, LinkOccurrence, LinkTarget>? interpret = null)
    {
        if (occurrences.Count == 0)
        {
            return []; // Every link excluded (or none written): Partitioner.Create refuses an empty range.
        }

        var parsed = new LinkTarget[occurrences.Count];
        Parallel.ForEach(
            System.Collections.Concurrent.Partitioner.Create(0, occurrences.Count, Math.Max(1024, occurrences.Count / (4 * Math.Max(1, parallelism)))),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism) },
            range =>
            {
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    var url = remap is null || remap.IsEmpty ? occurrences[i].Url : remap.Apply(occurrences[i].Url);
                    parsed[i] = interpret is null
                        ? LinkTargetParser.Parse(url, occurrences[i].Location.File)
                        : interpret(url, occurrences[i]);
                }
            });

        // Two passes, so that every group is one exactly sized array rather than a growing list.
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var targets = new List<LinkTarget>();
        var counts = new List<int>();
        var targetOf = new int[occurrences.Count];
        for (var i = 0; i < occurrences.Count; i++)
        {
            var target = parsed[i];
            if (!byKey.TryGetValue(target.Key, out var index))
            {
                index = targets.Count;
                byKey.Add(target.Key, index);
                targets.Add(target);
                counts.Add(0);
            }

            counts[index]++;
            targetOf[i] = index;
        }

        var members = new LinkOccurrence[targets.Count][];
        var indexes = new int[targets.Count][];
        var filled = new int[targets.Count];
        for (var t = 0; t < targets.Count; t++)
        {
            members[t] = new LinkOccurrence[counts[t]];
            indexes[t] = new int[counts[t]];
        }

        for (var i = 0; i < targetOf.Length; i++)
        {
            var t = targetOf[i];
            members[t][filled[t]] = occurrences[i];
            indexes[t][filled[t]++] = i;
        }

        var plan = new PlannedCheck[targets.Count];
        for (var t = 0; t < plan.Length; t++)
        {
            plan[t] = new PlannedCheck(targets[t], members[t], indexes[t]);
        }

        return plan;
    }
}
