using System.Text;
using LinkCheck.Core.Model;

namespace LinkCheck.Core.Fixing;

/// <summary>
/// <c>--fix</c>: rewrites link destinations that have exactly one possible fix (<see cref="LinkResult.Fixable"/>)
/// in the files they are written in. Only the destination's own characters change, found from the location the
/// extractor recorded and compared with the URL before anything is written, so code blocks, link text and
/// everything else stay byte for byte as they were (line endings and a BOM included).
/// </summary>
public static class LinkFixer
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Works out the fixes for <paramref name="report"/>'s fixable findings, without writing anything.</summary>
    public static FixPlan Plan(CheckReport report, string root)
    {
        var skipped = new List<SkippedFix>();
        var files = new List<FilePatch>();
        var byFile = report.Results
            .Where(r => r.Fixable && r.Suggestion is not null && r.Url is not null)
            .GroupBy(r => (r.Destination ?? r.Location).File, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in byFile)
        {
            if (Read(root, group.Key, out var error) is not { } text)
            {
                skipped.AddRange(group.Select(r => new SkippedFix(r, error!)));
                continue;
            }

            var lines = SplitLines(text.Content).Select(l => l.Text).ToList();
            var fixes = new List<LinkFix>();
            foreach (var result in group)
            {
                var location = result.Destination ?? result.Location;
                if (fixes.Any(f => f.Location.Line == location.Line && f.Location.Column == location.Column))
                {
                    continue; // Several links use one reference definition: it is rewritten once.
                }

                if (Check(result, location, lines) is { } reason)
                {
                    skipped.Add(new SkippedFix(result, reason));
                    continue;
                }

                fixes.Add(new LinkFix(location, result.Url!, result.Suggestion!, result));
            }

            var changes = fixes
                .GroupBy(f => f.Location.Line)
                .OrderBy(g => g.Key)
                .Select(g => Change(g.Key, lines[g.Key - 1], [.. g.OrderBy(f => f.Location.Column)]))
                .ToList();
            if (changes.Count > 0)
            {
                files.Add(new FilePatch(group.Key, lines, changes));
            }
        }

        return new FixPlan(files, skipped);
    }

    /// <summary>Writes the plan's changes to the files.</summary>
    /// <returns>Problems writing, one per file that could not be written (the other files are still written).</returns>
    public static FixOutcome Apply(FixPlan plan, string root)
    {
        var written = new List<FilePatch>();
        var problems = new List<FixFailure>();
        foreach (var file in plan.Files)
        {
            if (Read(root, file.Path, out var error) is not { } text)
            {
                problems.Add(new FixFailure(file.Path, error!));
                continue;
            }

            var lines = SplitLines(text.Content);
            var changed = file.Changes.ToDictionary(c => c.Line);
            var output = new StringBuilder(text.Content.Length + 64);
            var stale = false;
            for (var i = 0; i < lines.Count; i++)
            {
                if (changed.TryGetValue(i + 1, out var change))
                {
                    // The file changed since it was checked: leave it alone rather than guess.
                    stale |= lines[i].Text != change.Before;
                    output.Append(change.After);
                }
                else
                {
                    output.Append(lines[i].Text);
                }

                output.Append(lines[i].Ending);
            }

            if (stale)
            {
                problems.Add(new FixFailure(file.Path, $"{file.Path}: changed while it was checked; not fixed"));
                continue;
            }

            try
            {
                var bytes = StrictUtf8.GetBytes(output.ToString());
                File.WriteAllBytes(text.FullPath, text.HasBom ? [.. Encoding.UTF8.Preamble, .. bytes] : bytes);
                written.Add(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add(new FixFailure(file.Path, $"{file.Path}: cannot write: {e.Message}"));
            }
        }

        return new FixOutcome(written, problems);
    }

    /// <summary>Why the fix cannot be written at <paramref name="location"/>, or null when it can.</summary>
    private static string? Check(LinkResult result, SourceLocation location, List<string> lines)
    {
        if (location.Line < 1 || location.Line > lines.Count)
        {
            return "the link is no longer where it was found";
        }

        var line = lines[location.Line - 1];
        var start = location.Column - 1;
        var end = location.EndColumn;
        if (start < 0 || end > line.Length || end <= start || line[start..end] != result.Url)
        {
            // Escapes, entities or a destination over several lines: the written form is not the URL itself.
            return "the destination is not written literally (escapes, entities or line breaks)";
        }

        var after = result.Suggestion!;
        var delimited = start > 0 && line[start - 1] == '<' && end < line.Length && line[end] == '>';
        var quoted = start > 0 && line[start - 1] is '"' or '\'' ? line[start - 1] : (char?)null;
        if (after.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>'))
        {
            return "the fix has characters a destination cannot hold";
        }

        if (quoted is { } quote && (after.Contains(quote, StringComparison.Ordinal) || after.Contains('&', StringComparison.Ordinal)))
        {
            return "the fix cannot be written inside the HTML attribute as it is";
        }

        // CommonMark §6.3: a destination outside <...> may hold parentheses only when they are balanced (and, for
        // simplicity here, unescaped).
        if (!delimited && quoted is null && !BalancedParentheses(after))
        {
            return "the fix has unbalanced parentheses";
        }

        return null;
    }

    private static bool BalancedParentheses(string url)
    {
        var depth = 0;
        foreach (var c in url)
        {
            depth += c switch { '(' => 1, ')' => -1, _ => 0 };
            if (depth < 0)
            {
                return false;
            }
        }

        return depth == 0;
    }

    private static LineChange Change(int line, string before, IReadOnlyList<LinkFix> fixes)
    {
        var after = new StringBuilder(before);
        foreach (var fix in fixes.Reverse())
        {
            after.Remove(fix.Location.Column - 1, fix.Before.Length).Insert(fix.Location.Column - 1, fix.After);
        }

        return new LineChange(line, before, after.ToString(), fixes);
    }

    private sealed record FileText(string FullPath, string Content, bool HasBom);

    /// <summary>Reads a checked file for fixing: UTF-8 only, inside the root only (a symbolic link may not lead out).</summary>
    private static FileText? Read(string root, string path, out string? error)
    {
        error = null;
        var fullRoot = Path.GetFullPath(root);
        var full = Path.GetFullPath(Path.Combine(fullRoot, path));
        try
        {
            var real = new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;
            var inside = Path.GetRelativePath(fullRoot, real);
            if (inside.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(inside))
            {
                error = $"{path}: a symbolic link out of the repository; not fixed";
                return null;
            }

            if (!Discovery.RegularFile.Is(full))
            {
                error = $"{path}: not a regular file; not fixed";
                return null;
            }

            var bytes = File.ReadAllBytes(full);
            var preamble = Encoding.UTF8.Preamble;
            var hasBom = bytes.AsSpan().StartsWith(preamble);
            return new FileText(full, StrictUtf8.GetString(hasBom ? bytes[preamble.Length..] : bytes), hasBom);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            error = e is DecoderFallbackException ? $"{path}: not valid UTF-8; not fixed" : $"{path}: cannot read: {e.Message}";
            return null;
        }
    }

    /// <summary>The lines of <paramref name="text"/> with their endings (LF, CRLF or CR: CommonMark §2.1).</summary>
    private static List<(string Text, string Ending)> SplitLines(string text)
    {
        var lines = new List<(string, string)>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || text[i] == '\r')
            {
                var ending = text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? "\r\n" : text[i].ToString();
                lines.Add((text[start..i], ending));
                i += ending.Length - 1;
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add((text[start..], string.Empty));
        }

        return lines;
    }
}
