using System.Text;

namespace LinkCheck.Core.Filtering;

/// <summary>
/// The patterns of an ignore file, with their line numbers: <c>.linkcheckignore</c> by linkcheck's rules, or
/// <c>.lycheeignore</c> by lychee's, so a repository that keeps its lychee file means the same URLs with either tool.
/// </summary>
public static class IgnoreFileLines
{
    /// <summary>
    /// <c>.linkcheckignore</c>: one regular expression a line, trimmed; blank lines and lines starting with <c>#</c>
    /// are skipped.
    /// </summary>
    public static IReadOnlyList<(int Line, string Pattern)> Linkcheck(IEnumerable<string> lines)
    {
        var patterns = new List<(int, string)>();
        var number = 0;
        foreach (var raw in lines)
        {
            number++;
            var line = raw.Trim();
            if (line.Length != 0 && !line.StartsWith('#'))
            {
                patterns.Add((number, line));
            }
        }

        return patterns;
    }

    /// <summary>
    /// <c>.lycheeignore</c> exactly as lychee reads it (lychee-bin/src/main.rs, <c>read_lines</c>): the file is
    /// strict UTF-8; lines end at <c>\n</c> (a <c>\r</c> before it is dropped, as Rust's <c>BufRead::lines</c> does);
    /// a line is skipped when it is empty or starts with <c>#</c> after leading white space; every other line is a
    /// pattern as written, spaces included (lychee does not trim it), a byte order mark included.
    /// </summary>
    /// <exception cref="LinkCheckConfigurationException">The file is not UTF-8 (lychee refuses it too); the message names the line.</exception>
    public static IReadOnlyList<(int Line, string Pattern)> Lychee(byte[] bytes, string displayName)
    {
        var patterns = new List<(int, string)>();
        var start = 0;
        var number = 0;
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        while (start < bytes.Length)
        {
            number++;
            var end = Array.IndexOf(bytes, (byte)'\n', start);
            var length = (end < 0 ? bytes.Length : end) - start;
            if (end >= 0 && length > 0 && bytes[start + length - 1] == '\r')
            {
                length--;
            }

            string line;
            try
            {
                line = strict.GetString(bytes, start, length);
            }
            catch (DecoderFallbackException e)
            {
                throw new LinkCheckConfigurationException($"{displayName}:{number}: not valid UTF-8 (lychee cannot read this file either): save it as UTF-8", e);
            }

            if (line.Length != 0 && !line.TrimStart().StartsWith('#'))
            {
                patterns.Add((number, line));
            }

            start = end < 0 ? bytes.Length : end + 1;
        }

        return patterns;
    }
}
