using LinkCheck.Core.Model;

namespace LinkCheck.Core.Fixing;

/// <summary>
/// Writes a <see cref="FixPlan"/> as a unified diff (the format of <c>git diff</c>, which <c>git apply</c> reads),
/// with up to <see cref="Context"/> unchanged lines around each change. Fixes never add or remove lines, so a
/// hunk has the same line range on both sides.
/// </summary>
public static class UnifiedDiff
{
    /// <summary>Unchanged lines shown around a change.</summary>
    public const int Context = 2;

    /// <summary>The diff of <paramref name="plan"/>; every line from the repository is escaped for a terminal.</summary>
    public static string Write(FixPlan plan)
    {
        var diff = new System.Text.StringBuilder();
        foreach (var file in plan.Files)
        {
            var path = TerminalText.Escape(file.Path);
            diff.Append("--- a/").Append(path).Append('\n').Append("+++ b/").Append(path).Append('\n');
            foreach (var hunk in Hunks(file))
            {
                var first = hunk[0].Line - Context < 1 ? 1 : hunk[0].Line - Context;
                var last = Math.Min(file.Lines.Count, hunk[^1].Line + Context);
                var count = last - first + 1;
                diff.Append(System.Globalization.CultureInfo.InvariantCulture, $"@@ -{first},{count} +{first},{count} @@\n");
                var changes = hunk.ToDictionary(c => c.Line);
                for (var line = first; line <= last; line++)
                {
                    if (!changes.ContainsKey(line))
                    {
                        diff.Append(' ').Append(Safe(file.Lines[line - 1])).Append('\n');
                        continue;
                    }

                    // A run of changed lines: all removals, then all additions, as git writes them.
                    var run = new List<LineChange>();
                    while (line <= last && changes.TryGetValue(line, out var change))
                    {
                        run.Add(change);
                        line++;
                    }

                    line--;
                    run.ForEach(c => diff.Append('-').Append(Safe(c.Before)).Append('\n'));
                    run.ForEach(c => diff.Append('+').Append(Safe(c.After)).Append('\n'));
                }
            }
        }

        return diff.ToString();
    }

    /// <summary>A line made safe for a terminal; tabs are kept (they are harmless, and markdown uses them).</summary>
    private static string Safe(string line) => string.Join('\t', line.Split('\t').Select(TerminalText.Escape));

    /// <summary>Changes close enough that their context would overlap share a hunk.</summary>
    private static List<List<LineChange>> Hunks(FilePatch file)
    {
        var hunks = new List<List<LineChange>>();
        foreach (var change in file.Changes)
        {
            if (hunks.Count > 0 && change.Line - hunks[^1][^1].Line <= 2 * Context + 1)
            {
                hunks[^1].Add(change);
            }
            else
            {
                hunks.Add([change]);
            }
        }

        return hunks;
    }
}
