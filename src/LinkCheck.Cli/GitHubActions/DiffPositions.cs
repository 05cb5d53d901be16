using System.Globalization;
using System.Text.RegularExpressions;

namespace LinkCheck.Cli.GitHubActions;

/// <summary>
/// Where a review comment can go in a pull request file's diff. GitHub's review comments take a "position": the
/// line's index in the file's patch, counting the line after the first <c>@@</c> header as 1 and every later
/// line (including later <c>@@</c> headers) as one more (GitHub REST docs, "Create a review for a pull request").
/// Only lines of the new file that appear in the patch (added or context lines) have one.
/// </summary>
internal static partial class DiffPositions
{
    /// <summary>New-file line number to diff position, for the lines the patch shows.</summary>
    public static IReadOnlyDictionary<int, int> Parse(string? patch)
    {
        var positions = new Dictionary<int, int>();
        if (string.IsNullOrEmpty(patch))
        {
            return positions;
        }

        var position = 0;
        var newLine = 0;
        var started = false;
        foreach (var line in patch.Split('\n'))
        {
            var header = Hunk().Match(line);
            if (header.Success)
            {
                if (started)
                {
                    position++;
                }

                started = true;
                newLine = int.Parse(header.Groups[1].Value, CultureInfo.InvariantCulture);
                continue;
            }

            if (!started || line.Length == 0 || line.StartsWith('\\'))
            {
                continue; // "\ No newline at end of file" and a final empty string are not lines of either side.
            }

            position++;
            if (line.StartsWith('-'))
            {
                continue;
            }

            positions[newLine] = position;
            newLine++;
        }

        return positions;
    }

    [GeneratedRegex(@"^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@", RegexOptions.CultureInvariant)]
    private static partial Regex Hunk();
}
