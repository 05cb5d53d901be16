using System.Globalization;
using System.Text;
using LinkCheck.Core.Model;
using LinkCheck.Core.Resolution;
using LinkCheck.Core.Resolution.GitHub;

namespace LinkCheck.Core.Reporting;

/// <summary>
/// The report as GitHub-flavoured markdown, for the job summary, the pull request comment and
/// <c>--format markdown</c>: totals, the broken links grouped by file with links to the exact line at the
/// commit, warnings folded in <c>&lt;details&gt;</c>. All repository text is escaped (<see cref="MarkdownText"/>).
/// The text never exceeds the given size: rows that do not fit are counted in a closing note.
/// </summary>
public static class MarkdownReport
{
    /// <summary>Options of one rendering.</summary>
    /// <param name="MaxChars">The most characters the text may have.</param>
    /// <param name="Context">Links to lines need the repository and commit; null renders plain locations.</param>
    /// <param name="Heading">The heading level (<c>##</c>) of the title.</param>
    /// <param name="Preamble">Text before the title (a hidden marker), or null.</param>
    /// <param name="Footer">Extra notes after the tables (inclusion reasons, left-out annotations).</param>
    public sealed record Options(int MaxChars, GitHubContext? Context = null, string Heading = "##", string? Preamble = null, IReadOnlyList<string>? Footer = null);

    /// <summary>Renders <paramref name="report"/>.</summary>
    public static string Render(CheckReport report, Options options)
    {
        var s = report.Summary;
        var head = new StringBuilder();
        if (options.Preamble is not null)
        {
            head.Append(options.Preamble).Append('\n');
        }

        var failures = report.FailureCount;
        var warningCount = report.WarningCount;
        head.Append(options.Heading).Append(' ').Append(failures == 0
            ? warningCount == 0 ? $"linkcheck: all {Plural(s.Links - s.Skipped - s.Excluded, "link")} OK" : $"linkcheck: no broken links, {Plural(warningCount, "warning")}"
            : $"linkcheck: {Plural(s.Broken, "broken link")}{(s.Errors > 0 ? ", " + Plural(s.Errors, "unreadable file") : string.Empty)}").Append("\n\n");
        if (report.Partial)
        {
            head.Append("> **").Append(PartialReport.Sentence).Append("**\n\n");
        }

        head.Append("| files | links | unique | ok | broken | warnings | unverified | skipped | excluded | errors |\n");
        head.Append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        head.Append(CultureInfo.InvariantCulture, $"| {s.Files} | {s.Links} | {s.Unique} | {s.Ok} | {s.Broken} | {s.Warnings} | {s.Unverified} | {s.Skipped} | {s.Excluded} | {s.Errors} |\n");

        var failing = report.Results.Where(report.IsFailing).ToList();
        var warnings = report.Results.Where(report.IsWarning).ToList();

        var footer = new StringBuilder();
        foreach (var note in options.Footer ?? [])
        {
            footer.Append('\n').Append(note).Append('\n');
        }

        // Rows are added while they fit; what does not fit is counted in a closing note.
        var budget = options.MaxChars - head.Length - footer.Length - 400;
        var body = new StringBuilder();
        var omitted = 0;
        if (failing.Count > 0)
        {
            body.Append('\n').Append(options.Heading).Append("# Broken links\n");
            foreach (var group in failing.GroupBy(r => r.Location.File, StringComparer.Ordinal))
            {
                var fileHead = $"\n**{MarkdownText.Escape(group.Key)}**\n\n| line | link | problem | suggestion |\n|---:|---|---|---|\n";
                if (body.Length + fileHead.Length > budget)
                {
                    omitted += group.Count();
                    continue;
                }

                body.Append(fileHead);
                foreach (var result in group)
                {
                    var row = Row(result, options.Context, withFile: false);
                    if (body.Length + row.Length > budget)
                    {
                        omitted++;
                        continue;
                    }

                    body.Append(row);
                }
            }
        }

        if (warnings.Count > 0)
        {
            var open = $"\n<details>\n<summary>{Plural(warnings.Count, "warning")}</summary>\n\n| file | line | link | note | suggestion |\n|---|---:|---|---|---|\n";
            const string Close = "\n</details>\n";
            if (body.Length + open.Length + Close.Length <= budget)
            {
                body.Append(open);
                foreach (var result in warnings)
                {
                    var row = Row(result, options.Context, withFile: true);
                    if (body.Length + row.Length + Close.Length > budget)
                    {
                        omitted++;
                        continue;
                    }

                    body.Append(row);
                }

                body.Append(Close);
            }
            else
            {
                omitted += warnings.Count;
            }
        }

        if (omitted > 0)
        {
            body.Append(CultureInfo.InvariantCulture, $"\n_{Plural(omitted, "more finding")} not shown: this text is limited to {options.MaxChars / 1024} KB. The JSON report has all of them._\n");
        }

        return head.Append(body).Append(footer).ToString();
    }

    private static string Row(LinkResult result, GitHubContext? context, bool withFile)
    {
        var line = result.Location.Line.ToString(CultureInfo.InvariantCulture);
        var lineCell = context?.LineUrl(result.Location.File, result.Location.Line) is { } url ? $"[{line}]({url})" : line;
        var link = result.Url is null ? "(file)" : MarkdownText.Code(result.Url);
        var suggestion = result.Suggestion is null ? string.Empty : MarkdownText.Code(result.Suggestion);
        var file = withFile ? MarkdownText.Escape(result.Location.File) + " | " : string.Empty;
        return $"| {file}{lineCell} | {link} | {MarkdownText.Escape(result.Message ?? string.Empty)} | {suggestion} |\n";
    }

    private static string Plural(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : noun + "s");
}
