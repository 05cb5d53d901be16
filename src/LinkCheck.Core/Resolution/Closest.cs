namespace LinkCheck.Core.Resolution;

/// <summary>Finds the candidate closest to a misspelt name, for "did you mean ...?" suggestions.</summary>
public static class Closest
{
    /// <summary>
    /// The candidate with the smallest edit distance to <paramref name="value"/> (ignoring case), if that distance
    /// is small enough to be a plausible typo: at most a third of the value's length, and at least 2 allowed.
    /// Ties go to the earliest candidate (document order for anchors).
    /// </summary>
    public static string? Find(string value, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        var limit = Math.Max(2, value.Length / 3);
        var lower = value.ToLowerInvariant();
        // Two rows reused for every candidate: suggestions are computed for every missing target, against every
        // sibling page or heading, so per-candidate allocations would dominate.
        var rows = new int[2 * (value.Length + 1)];
        foreach (var candidate in candidates)
        {
            if (Math.Abs(candidate.Length - value.Length) > limit)
            {
                continue;
            }

            var distance = Distance(lower, candidate, Math.Min(limit, bestDistance), rows);
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return bestDistance <= limit ? best : null;
    }

    /// <summary>
    /// Levenshtein distance between <paramref name="lower"/> (already lower-cased) and <paramref name="b"/>
    /// (lower-cased char by char), giving up (returning a value above <paramref name="cutoff"/>) once it exceeds
    /// the cutoff. <paramref name="rows"/> holds the two rows (at least 2 × (shorter length + 1)).
    /// </summary>
    private static int Distance(string lower, string b, int cutoff, int[] rows)
    {
        // The shorter string spans the rows; only b needs folding.
        var swapped = lower.Length < b.Length;
        var longer = swapped ? b : lower;
        var shorter = swapped ? lower : b;
        var foldLonger = swapped;
        var foldShorter = !swapped;

        var width = shorter.Length + 1;
        var previous = rows.AsSpan(0, width);
        var current = rows.AsSpan(width, width);
        for (var j = 0; j < width; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= longer.Length; i++)
        {
            var x = foldLonger ? char.ToLowerInvariant(longer[i - 1]) : longer[i - 1];
            current[0] = i;
            var rowMinimum = current[0];
            for (var j = 1; j < width; j++)
            {
                var y = foldShorter ? char.ToLowerInvariant(shorter[j - 1]) : shorter[j - 1];
                var cost = x == y ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMinimum = Math.Min(rowMinimum, current[j]);
            }

            if (rowMinimum > cutoff)
            {
                return cutoff == int.MaxValue ? rowMinimum : cutoff + 1;
            }

            var swap = previous;
            previous = current;
            current = swap;
        }

        return previous[width - 1];
    }
}
