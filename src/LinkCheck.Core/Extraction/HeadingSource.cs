using Markdig.Syntax;

namespace LinkCheck.Core.Extraction;

/// <summary>
/// The markdown source of a heading's last line, as Goldmark hands it to its id generator
/// (<c>parser/atx_heading.go</c> <c>generateAutoHeadingID</c>: <c>node.Lines().At(last).Value(source)</c>): for an ATX
/// heading the text between the opening <c>#</c> run and the closing sequence, for a setext heading its last text
/// line; white space around it removed.
/// </summary>
public static class HeadingSource
{
    /// <summary>The source of <paramref name="heading"/> in <paramref name="text"/> (the text the document was parsed from).</summary>
    public static string Of(HeadingBlock heading, string text)
    {
        var start = Math.Clamp(heading.Span.Start, 0, text.Length);
        var end = Math.Clamp(heading.Span.End + 1, start, text.Length);
        var lines = text[start..end].Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (heading.IsSetext)
        {
            // The last line is the underline; the one before it is the heading's last text line.
            var content = lines.Length > 1 ? lines[^2] : lines[0];
            for (var i = lines.Length - 2; i >= 0; i--)
            {
                if (lines[i].Trim().Length > 0)
                {
                    content = lines[i];
                    break;
                }
            }

            return content.Trim();
        }

        var line = lines[0].TrimStart(' ', '\t');
        var hashes = 0;
        while (hashes < line.Length && line[hashes] == '#')
        {
            hashes++;
        }

        line = line[hashes..].Trim(' ', '\t');

        // The closing sequence: a run of # preceded by white space (or the whole content), CommonMark §4.2.
        var closing = line.Length;
        while (closing > 0 && line[closing - 1] == '#')
        {
            closing--;
        }

        if (closing < line.Length && (closing == 0 || line[closing - 1] is ' ' or '\t'))
        {
            line = line[..closing].TrimEnd(' ', '\t');
        }

        return line;
    }
}
