using System.Globalization;
using System.Text;

namespace LinkCheck.Core.Model;

/// <summary>
/// Makes repository text (paths, URLs, link text) safe to print on a terminal: control characters (C0, DEL,
/// C1: escape sequences could move the cursor, rewrite the screen or set the window title) and the Unicode
/// bidirectional controls (which can make text read differently from what it is, CVE-2021-42574) are shown
/// as visible <c>\u{...}</c> escapes instead of being sent.
/// </summary>
public static class TerminalText
{
    /// <summary>The text with every unsafe character replaced by a visible escape.</summary>
    public static string Escape(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\0', '\u001F') && !text.AsSpan().ContainsAnyInRange('\u007F', '\u009F')
            && !text.AsSpan().ContainsAnyInRange('\u202A', '\u202E') && !text.AsSpan().ContainsAnyInRange('\u2066', '\u2069')
            && !text.Contains('\u200E', StringComparison.Ordinal) && !text.Contains('\u200F', StringComparison.Ordinal)
            && !text.Contains('\u061C', StringComparison.Ordinal))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (IsUnsafe(c))
            {
                builder.Append("\\u{").Append(((int)c).ToString("X", CultureInfo.InvariantCulture)).Append('}');
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool IsUnsafe(char c) =>
        c < ' ' || (c >= '\u007F' && c <= '\u009F') || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')
        || c is '\u200E' or '\u200F' or '\u061C';
}
