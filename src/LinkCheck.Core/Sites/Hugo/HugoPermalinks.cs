using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace LinkCheck.Core.Sites.Hugo;

/// <summary>
/// Hugo's <c>[permalinks]</c>: a URL pattern per section for its regular pages
/// (https://gohugo.io/content-management/urls/#permalinks; <c>resources/page/permalinks.go</c>). The tokens
/// expanded are those whose value the front matter and the path give: <c>:year</c>, <c>:month</c>, <c>:day</c>
/// (from <c>date</c>; a page without one is dated year 1, as Hugo does), <c>:section</c>, <c>:title</c>,
/// <c>:slug</c>, <c>:filename</c> and <c>:slugorfilename</c>. Checked against Hugo 0.111's build: titles are
/// sanitized as Hugo's <c>URLize</c> does, every URL is lower-cased, and a pattern without a trailing slash still
/// publishes a folder (<c>/x/a/index.html</c>). Any other token makes the pattern one the model cannot expand.
/// </summary>
public sealed partial class HugoPermalinks
{
    private readonly Dictionary<string, string> _patterns = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads the <c>permalinks</c> table of the configuration (null when there is none).</summary>
    public HugoPermalinks(object? table)
    {
        if (table is Dictionary<string, object?> sections)
        {
            foreach (var (section, pattern) in sections)
            {
                if (pattern is string text)
                {
                    _patterns[section] = text;
                }
            }
        }
    }

    /// <summary>The pattern for the regular pages of <paramref name="section"/>, or null.</summary>
    public string? PatternOf(string section) => _patterns.GetValueOrDefault(section);

    /// <summary>
    /// The URL path <paramref name="pattern"/> gives a page of <paramref name="section"/> whose file (or bundle
    /// folder) is named <paramref name="name"/>, or null when it names a token that is not modelled or a value the
    /// page lacks.
    /// </summary>
    public static string? Expand(string pattern, string section, string name, Dictionary<string, object?> front)
    {
        var date = DateOf(front);
        if (date is null)
        {
            return null;
        }

        var title = HugoData.String(front, "title") is { Length: > 0 } t ? Urlize(t) : null;
        var slug = HugoData.String(front, "slug") is { Length: > 0 } s ? s : null;
        var unknown = false;
        var path = Token().Replace(pattern, match =>
        {
            string? value = match.Groups[1].Value switch
            {
                "year" => date.Value.Year.ToString(CultureInfo.InvariantCulture),
                "month" => date.Value.Month.ToString("00", CultureInfo.InvariantCulture),
                "day" => date.Value.Day.ToString("00", CultureInfo.InvariantCulture),
                "section" => section,
                "title" => title,
                "slug" => slug ?? title,
                "filename" => name,
                "slugorfilename" => slug ?? name,
                _ => null,
            };
            unknown |= string.IsNullOrEmpty(value);
            return value ?? string.Empty;
        });
        if (unknown)
        {
            return null;
        }

        path = "/" + path.Trim('/').ToLowerInvariant();
        var last = path[(path.LastIndexOf('/') + 1)..];
        return last.Contains('.', StringComparison.Ordinal) ? path : path + "/";
    }

    /// <summary>
    /// Hugo's <c>paths.Sanitize</c> then lower case (<c>URLize</c>): letters, digits, marks and <c>./\_#+~-</c> stay,
    /// a run of spaces becomes one hyphen (not at the start, not after a hyphen), anything else is dropped.
    /// </summary>
    public static string Urlize(string text)
    {
        var result = new StringBuilder(text.Length);
        var hyphenPending = false;
        var wasHyphen = false;
        foreach (var rune in text.Trim().EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            var allowed = rune.Value != ' ' && (Rune.IsLetterOrDigit(rune) || (rune.IsAscii && "./\\_#+~-".Contains((char)rune.Value, StringComparison.Ordinal))
                || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark);
            if (allowed)
            {
                wasHyphen = rune.Value == '-';
                if (hyphenPending && !wasHyphen)
                {
                    result.Append('-');
                }

                hyphenPending = false;
                result.Append(rune.ToString());
            }
            else if (result.Length > 0 && !wasHyphen && Rune.IsWhiteSpace(rune))
            {
                hyphenPending = true;
            }
        }

        return result.ToString().ToLowerInvariant();
    }

    /// <summary>The page's <c>date</c>; year 1 when it has none (Hugo's zero date); null when it cannot be read.</summary>
    private static DateTimeOffset? DateOf(Dictionary<string, object?> front)
    {
        var value = HugoData.Get(front, "date");
        return value switch
        {
            null => new DateTimeOffset(1, 1, 1, 0, 0, 0, TimeSpan.Zero),
            DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
            DateTimeOffset offset => offset,
            _ => DateTimeOffset.TryParse(HugoData.String(front, "date"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null,
        };
    }

    [GeneratedRegex(":([a-z]+)")]
    private static partial Regex Token();
}
