using System.Text;
using LinkCheck.Core.Model;

namespace LinkCheck.Core.Reporting;

/// <summary>
/// Repository text made safe inside GitHub-flavoured markdown (job summaries, PR comments): characters that
/// could start markup, close a table cell or a link, or open raw HTML are backslash-escaped or turned into
/// entities; line breaks become spaces; control characters are dropped; bidirectional controls are shown as
/// <c>\u202E</c> (<see cref="BidiText"/>).
/// </summary>
public static class MarkdownText
{
    /// <summary>Escapes <paramref name="text"/> for use as plain text in a table cell or a sentence.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '|': builder.Append("\\|"); break;
                case '`': builder.Append("\\`"); break;
                case '*': builder.Append("\\*"); break;
                case '_': builder.Append("\\_"); break;
                case '[': builder.Append("\\["); break;
                case ']': builder.Append("\\]"); break;
                case '(': builder.Append("\\("); break;
                case ')': builder.Append("\\)"); break;
                case '#': builder.Append("\\#"); break;
                case '!': builder.Append("\\!"); break;
                case '~': builder.Append("\\~"); break;
                case '\\': builder.Append("\\\\"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '&': builder.Append("&amp;"); break;
                case '@': builder.Append("@\u2060"); break; // no @-mentions from repository text
                case '\r' or '\n' or '\t': builder.Append(' '); break;
                default:
                    if (BidiText.IsControl(c))
                    {
                        builder.Append(BidiText.EscapeOf(c));
                    }
                    else if (!char.IsControl(c))
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Text as inline code: the text is escaped as above and shown in a <c>&lt;code&gt;</c> element, which, unlike
    /// backticks, cannot be broken out of by the text itself.
    /// </summary>
    public static string Code(string text) => "<code>" + Escape(text) + "</code>";
}
