using System.Globalization;
using System.Text;

namespace LinkCheck.Core.Model;

/// <summary>
/// Unicode bidirectional controls in repository text (file names, URLs, link text) shown as visible <c>\u202E</c>
/// escapes wherever linkcheck echoes that text to a person (PR comment, job summary, annotations, check runs):
/// raw, they make text read differently from what it is ("Trojan Source", CVE-2021-42574). The controls are
/// those of Unicode's bidirectional algorithm (UAX #9 §2): LRE, RLE, PDF, LRO, RLO (U+202A–U+202E), LRI, RLI,
/// FSI, PDI (U+2066–U+2069), LRM, RLM (U+200E, U+200F) and ALM (U+061C).
/// </summary>
public static class BidiText
{
    /// <summary>True for a bidirectional control.</summary>
    public static bool IsControl(char c) =>
        c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C';

    /// <summary>The escape shown instead of <paramref name="c"/>: <c>\u202E</c>.</summary>
    public static string EscapeOf(char c) => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);

    /// <summary>The text with every bidirectional control replaced by its visible escape.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(IsControl))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            builder.Append(IsControl(c) ? EscapeOf(c) : c);
        }

        return builder.ToString();
    }
}
