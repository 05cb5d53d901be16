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
        foreach (var candidate in candidates)
        {
            if (Math.Abs(candidate.Length - value.Length) > limit)
            {
                continue;
            }

            var distance = Distance(lower, candidate.ToLowerInvariant(), Math.Min(limit, bestDistance));
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return bestDistance <= limit ? best : null;
    }

    /// <summary>Levenshtein distance, giving up (returning a value above <paramref name="cutoff"/>) once it exceeds the cutoff.</summary>
    public static int Distance(string a, string b, int cutoff = int.MaxValue)
    {
        if (a.Length < b.Length)
        {
            (a, b) = (b, a);
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMinimum = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMinimum = Math.Min(rowMinimum, current[j]);
            }

            if (rowMinimum > cutoff)
            {
                return cutoff == int.MaxValue ? rowMinimum : cutoff + 1;
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
