using LinkCheck.Core.Model;

namespace LinkCheck.Core.Planning;

/// <summary>Groups occurrences by normalised target so that each distinct target is checked once.</summary>
public static class LinkPlanner
{
    /// <summary>The checks for <paramref name="occurrences"/>, in the order each target first appears.</summary>
    public static IReadOnlyList<PlannedCheck> Plan(IEnumerable<LinkOccurrence> occurrences, Func<LinkTarget, LinkTarget>? rewrite = null)
    {
        var byKey = new Dictionary<string, (LinkTarget Target, List<LinkOccurrence> Occurrences)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var occurrence in occurrences)
        {
            var target = LinkTargetParser.Parse(occurrence.Url, occurrence.Location.File);
            if (rewrite is not null)
            {
                target = rewrite(target);
            }

            if (!byKey.TryGetValue(target.Key, out var entry))
            {
                entry = (target, []);
                byKey.Add(target.Key, entry);
                order.Add(target.Key);
            }

            entry.Occurrences.Add(occurrence);
        }

        return order.Select(key => new PlannedCheck(byKey[key].Target, byKey[key].Occurrences)).ToList();
    }
}
