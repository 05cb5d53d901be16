using System.Globalization;
using LinkCheck.Core.Model;
using LinkCheck.Core.Resolution;

namespace LinkCheck.Core.Reporting;

/// <summary>
/// The terminal report: findings grouped by file, each on a line that starts with <c>path:line:col:</c> so
/// terminals and editors can jump to it, the reason and suggestion below, then one summary line.
/// </summary>
public sealed class TextReporter : IReporter
{
    private const string Red = "\u001b[31m";
    private const string Yellow = "\u001b[33m";
    private const string Green = "\u001b[32m";
    private const string Dim = "\u001b[2m";
    private const string Bold = "\u001b[1m";
    private const string Reset = "\u001b[0m";

    private readonly TextWriter _writer;
    private readonly TextReportOptions _options;

    /// <summary>Creates the reporter.</summary>
    public TextReporter(TextWriter writer, TextReportOptions options)
    {
        _writer = writer;
        _options = options;
    }

    /// <inheritdoc />
    public async Task ReportAsync(CheckReport report, CancellationToken cancellationToken)
    {
        if (_options.Verbosity == Verbosity.Verbose)
        {
            foreach (var note in report.Notes)
            {
                await _writer.WriteLineAsync(Paint(Dim, "note: " + TerminalText.Escape(note))).ConfigureAwait(false);
            }
        }

        // Which files were judged by which rules: without this a verdict that differs from GitHub's is a surprise.
        // A site none of whose files were checked (one beside the paths given) is listed only with --verbose.
        var sites = report.Sites.Where(s => s.Files > 0 || _options.Verbosity == Verbosity.Verbose).ToList();
        if (sites.Count > 0 && _options.Verbosity != Verbosity.Quiet)
        {
            foreach (var site in sites)
            {
                await _writer.WriteLineAsync($"Judged as a {TerminalText.Escape(site.Info.ToString())}: {Plural(site.Files, "file")} checked, {Count(site.Pages, "URLs")} published").ConfigureAwait(false);
            }

            await _writer.WriteLineAsync("Other files: as GitHub renders them.").ConfigureAwait(false);
            await _writer.WriteLineAsync().ConfigureAwait(false);
        }

        if (report.Selection is { } selection && _options.Verbosity != Verbosity.Quiet)
        {
            await _writer.WriteLineAsync($"Checking {Plural(selection.Count, "file")} that the change touched or that link to what it touched:").ConfigureAwait(false);
            foreach (var file in selection)
            {
                await _writer.WriteLineAsync($"  {TerminalText.Escape(_options.Display(file.Path))}: {TerminalText.Escape(file.Reason)}").ConfigureAwait(false);
            }

            await _writer.WriteLineAsync().ConfigureAwait(false);
        }

        foreach (var group in report.Results.Where(r => Shows(r, report)).GroupBy(r => r.Location.File, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_options.Verbosity != Verbosity.Quiet)
            {
                await _writer.WriteLineAsync(Paint(Bold, TerminalText.Escape(_options.Display(group.Key)))).ConfigureAwait(false);
            }

            foreach (var result in group)
            {
                await WriteResultAsync(result).ConfigureAwait(false);
            }

            if (_options.Verbosity != Verbosity.Quiet)
            {
                await _writer.WriteLineAsync().ConfigureAwait(false);
            }
        }

        if (_options.Verbosity == Verbosity.Verbose && report.Timings.Count > 0)
        {
            var stages = report.Timings.Select(t => $"{t.Stage} {FormatDuration(t.Duration)}");
            await _writer.WriteLineAsync(Paint(Dim, "timings: " + string.Join(", ", stages))).ConfigureAwait(false);
        }

        if (_options.Verbosity != Verbosity.Quiet)
        {
            if (report.LeftOut.Any)
            {
                await _writer.WriteLineAsync(Paint(Dim, LeftOutLine(report.LeftOut))).ConfigureAwait(false);
            }

            await _writer.WriteLineAsync(Summary(report.Summary)).ConfigureAwait(false);
        }

        if (report.Partial)
        {
            await _writer.WriteLineAsync(Paint(Yellow, PartialReport.Sentence)).ConfigureAwait(false);
        }

        await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private bool Shows(LinkResult result, CheckReport report) => _options.Verbosity switch
    {
        Verbosity.Quiet => report.IsFailing(result),
        Verbosity.Normal => report.IsFailing(result) || report.IsWarning(result),
        _ => true,
    };

    private async Task WriteResultAsync(LinkResult result)
    {
        var indent = _options.Verbosity == Verbosity.Quiet ? string.Empty : "  ";
        var location = TerminalText.Escape((result.Location with { File = _options.Display(result.Location.File) }).ToString());
        var status = Paint(ColorOf(result.Status), Names.Of(result.Status));
        // An OK link's detail (its HTTP status and time, under --verbose) fits on its line; a finding's reason gets its own.
        var okDetail = result.Status == LinkStatus.Ok && result.Message is not null;

        // -v: what was seen for a fetched link ("200, 52 ms"), after an OK link's own detail.
        var seen = _options.Verbosity == Verbosity.Verbose && result.Status == LinkStatus.Ok ? result.Detail : null;
        var inline = okDetail ? (seen is null ? result.Message : result.Message + "; " + seen) : seen;
        var line = result.Url is null
            ? $"{indent}{location}: {status}: {TerminalText.Escape(result.Message ?? string.Empty)}"
            : inline is null
                ? $"{indent}{location}: {status}: {TerminalText.Escape(result.Url)}"
                : $"{indent}{location}: {status}: {TerminalText.Escape(result.Url)} {Paint(Dim, "(" + TerminalText.Escape(inline) + ")")}";
        await _writer.WriteLineAsync(line).ConfigureAwait(false);
        if (result.Url is not null && result.Message is not null && !okDetail)
        {
            await _writer.WriteLineAsync($"{indent}    {TerminalText.Escape(result.Message)}").ConfigureAwait(false);
        }

        if (result.Suggestion is not null)
        {
            await _writer.WriteLineAsync($"{indent}    did you mean {Paint(Green, TerminalText.Escape(result.Suggestion))}?").ConfigureAwait(false);
        }
    }

    private string Summary(CheckSummary summary)
    {
        var parts = new List<string>
        {
            Count(summary.Ok, "ok"),
            Paint(summary.Broken > 0 ? Red : null, Count(summary.Broken, "broken")),
            Paint(summary.Warnings > 0 ? Yellow : null, Plural(summary.Warnings, "warning")),
        };
        if (summary.Unverified > 0)
        {
            parts.Add(Paint(Yellow, Count(summary.Unverified, "unverified")));
        }

        parts.Add(Count(summary.Skipped, "skipped"));
        parts.Add(Count(summary.Excluded, "excluded"));
        if (summary.Errors > 0)
        {
            parts.Add(Paint(Red, Plural(summary.Errors, "error")));
        }

        // "(0 unique)" reads as a contradiction when every link is excluded: the count is left out then.
        var unique = summary.Unique > 0 ? $" ({Count(summary.Unique, "unique")})" : string.Empty;
        var head = $"{Plural(summary.Files, "file")}, {Plural(summary.Links, "link")}{unique}";
        return $"{head}: {string.Join(", ", parts)} in {FormatDuration(summary.Duration)}";
    }

    /// <summary>The files a run did not look at on purpose: <c>left out: 2 files and 1 folder ignored by git</c>.</summary>
    public static string LeftOutLine(LeftOut leftOut)
    {
        static string? Part(int files, int folders, string why)
        {
            var counts = new[] { files > 0 ? Plural(files, "file") : null, folders > 0 ? Plural(folders, "folder") : null }.OfType<string>().ToList();
            return counts.Count == 0 ? null : string.Join(" and ", counts) + " " + why;
        }

        var parts = new[]
        {
            Part(leftOut.IgnoredFiles, leftOut.IgnoredFolders, "ignored by git"),
            Part(leftOut.ExcludedFiles, leftOut.ExcludedFolders, "matching --exclude-path"),
        }.OfType<string>();
        return "left out: " + string.Join(", ", parts);
    }

    /// <summary>A duration for people: <c>850 ms</c>, <c>12.3 s</c>.</summary>
    public static string FormatDuration(TimeSpan duration) => duration.TotalSeconds < 1
        ? ((int)duration.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + " ms"
        : duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    private static string Count(int count, string word) => count.ToString(CultureInfo.InvariantCulture) + " " + word;

    private static string Plural(int count, string word) => Count(count, count == 1 ? word : word + "s");

    private static string? ColorOf(LinkStatus status) => status switch
    {
        LinkStatus.Broken or LinkStatus.Error => Red,
        LinkStatus.Warning or LinkStatus.Unverified => Yellow,
        LinkStatus.Ok => Green,
        _ => Dim,
    };

    private string Paint(string? color, string text) => _options.Color && color is not null ? color + text + Reset : text;
}
