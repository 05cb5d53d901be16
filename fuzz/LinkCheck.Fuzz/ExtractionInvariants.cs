using LinkCheck.Core.Extraction;
using LinkCheck.Core.Model;

namespace LinkCheck.Fuzz;

/// <summary>
/// What must hold for every extraction, whatever the input: each link's position lies inside the document, and,
/// where the destination is written without escapes, the text at that position is exactly the reported URL.
/// </summary>
public static class ExtractionInvariants
{
    /// <summary>Throws <see cref="InvariantViolationException"/> at the first link whose position is wrong.</summary>
    public static void Check(string text, DocumentAnalysis analysis)
    {
        if (analysis.Error is not null)
        {
            return;
        }

        var lines = SplitLines(text);
        foreach (var link in analysis.Links)
        {
            var where = link.Destination ?? link.Location;
            CheckBounds(lines, link, link.Location);
            CheckBounds(lines, link, where);
            var written = Written(lines, where);
            // CommonMark §2.3: U+0000 is replaced by U+FFFD before anything else.
            if (written is not null && PlainlyWritten(link, written) && written.Replace('\0', '\uFFFD') != link.Url)
            {
                throw new InvariantViolationException($"{link.Kind} '{link.Url}' is reported at {where.Line}:{where.Column}-{where.EndColumn}, where the text is '{written}'");
            }
        }
    }

    /// <summary>The text from <c>Column</c> to <c>EndColumn</c> on one line, or null when the destination spans lines.</summary>
    public static string? Written(IReadOnlyList<string> lines, SourceLocation where)
    {
        var line = lines[where.Line - 1];
        return where.EndColumn >= where.Column - 1 && where.EndColumn <= line.Length
            ? line.Substring(where.Column - 1, where.EndColumn - where.Column + 1)
            : null;
    }

    /// <summary>Lines as <see cref="LineMap"/> counts them (LF, CRLF or a lone CR end a line), without their endings.</summary>
    public static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '\n' or '\r')
            {
                lines.Add(text[start..i]);
                if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                start = i + 1;
            }
        }

        lines.Add(text[start..]);
        return lines;
    }

    private static void CheckBounds(List<string> lines, LinkOccurrence link, SourceLocation where)
    {
        if (where.Line < 1 || where.Line > lines.Count || where.Column < 1 || where.Column > lines[where.Line - 1].Length + 1)
        {
            throw new InvariantViolationException($"{link.Kind} '{link.Url}' is reported at {where.Line}:{where.Column}, outside the document ({lines.Count} lines)");
        }

        if (where.EndColumn < where.Column - 1 && where.EndColumn < 0)
        {
            throw new InvariantViolationException($"{link.Kind} '{link.Url}' ends at column {where.EndColumn}, before it starts ({where.Column})");
        }
    }

    /// <summary>
    /// True when the URL is the source text unchanged: no backslash escape or character reference (CommonMark §2.4,
    /// §2.5) in the source, and not a form whose URL is built from the text (GFM's <c>www.</c> and e-mail
    /// autolinks get a scheme, a reference definition is compared where it is defined). An empty destination
    /// (<c>[text]()</c>) has no text of its own: the extractor reports the whole link, so only its bounds are checked.
    /// </summary>
    private static bool PlainlyWritten(LinkOccurrence link, string written) =>
        link.Kind is LinkKind.Link or LinkKind.Image or LinkKind.Definition
        && link.Url.Length > 0
        && written.IndexOfAny(['\\', '&']) < 0
        && link.Url.IndexOfAny(['\\', '&']) < 0;
}
