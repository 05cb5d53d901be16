using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace LinkCheck.Core.Sites.Jekyll;

/// <summary>
/// Jekyll's URL building: permalink styles and templates (lib/jekyll/utils.rb <c>add_permalink_suffix</c>,
/// lib/jekyll/url.rb), <c>Utils.slugify</c>, and the placeholders of lib/jekyll/drops/url_drop.rb.
/// </summary>
public static partial class JekyllUrl
{
    /// <summary>The template of a built-in style for posts (Jekyll 4.3, lib/jekyll/utils.rb / document.rb), or the template itself.</summary>
    public static string PostTemplate(string style) => style switch
    {
        "date" => "/:categories/:year/:month/:day/:title:output_ext",
        "pretty" => "/:categories/:year/:month/:day/:title/",
        "ordinal" => "/:categories/:year/:y_day/:title:output_ext",
        "weekdate" => "/:categories/:year/W:week/:short_day/:title:output_ext",
        "none" => "/:categories/:title:output_ext",
        _ => style,
    };

    /// <summary><c>Utils.add_permalink_suffix</c>: how the global style ends page and collection URLs.</summary>
    public static string AddPermalinkSuffix(string template, string style) => style switch
    {
        "pretty" => template + "/",
        "date" or "ordinal" or "none" or "weekdate" => template + ":output_ext",
        _ => template + (style.EndsWith('/') ? "/" : string.Empty) + (style.EndsWith(":output_ext", StringComparison.Ordinal) ? ":output_ext" : string.Empty),
    };

    /// <summary>
    /// Fills a template (lib/jekyll/url.rb <c>generate_url_from_hash</c>): each <c>:name</c> is replaced by its value
    /// (longest names first), then <c>sanitize_url</c>: a leading slash, <c>..</c> and <c>./</c> removed, slashes squeezed.
    /// </summary>
    public static string Fill(string template, IReadOnlyDictionary<string, string> placeholders)
    {
        var url = PlaceholderPattern().Replace(template, m => placeholders.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);
        url = ("/" + url).Replace("..", "/", StringComparison.Ordinal).Replace("./", string.Empty, StringComparison.Ordinal);
        return SlashRun().Replace(url, "/");
    }

    /// <summary>
    /// <c>Utils.slugify</c>: mode <c>pretty</c> keeps letters, marks, digits and <c>._~!$&amp;'()+,;=@</c>; mode
    /// <c>default</c> keeps letters, marks and digits; every other run becomes one <c>-</c>, leading and trailing
    /// ones are dropped; unless <paramref name="cased"/>, the result is lower-cased.
    /// </summary>
    public static string Slugify(string text, bool pretty, bool cased)
    {
        var builder = new StringBuilder(text.Length);
        var dash = false;
        foreach (var rune in text.EnumerateRunes())
        {
            var keep = Rune.GetUnicodeCategory(rune) switch
            {
                UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter
                    or UnicodeCategory.OtherLetter or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
                    or UnicodeCategory.DecimalDigitNumber => true,
                _ => pretty && rune.IsAscii && "._~!$&'()+,;=@".Contains((char)rune.Value, StringComparison.Ordinal),
            };
            if (keep)
            {
                builder.Append(rune.ToString());
                dash = false;
            }
            else if (!dash)
            {
                builder.Append('-');
                dash = true;
            }
        }

        var slug = builder.ToString().Trim('-');
        return cased ? slug : slug.ToLowerInvariant();
    }

    /// <summary>The placeholders of a dated post (lib/jekyll/drops/url_drop.rb).</summary>
    public static Dictionary<string, string> PostPlaceholders(DateOnly date, string slug, string name, string collection, string path, IReadOnlyList<string> categories, string outputExtension)
    {
        var day = date.ToDateTime(TimeOnly.MinValue);
        var invariant = CultureInfo.InvariantCulture;
        var week = ISOWeek.GetWeekOfYear(day);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["collection"] = collection,
            ["path"] = path,
            ["name"] = Slugify(name, pretty: false, cased: false),
            ["title"] = Slugify(slug, pretty: true, cased: true),
            ["slug"] = Slugify(slug, pretty: false, cased: false),
            ["categories"] = string.Join('/', categories.Select(c => c.ToLowerInvariant()).Distinct(StringComparer.Ordinal)),
            ["year"] = day.ToString("yyyy", invariant),
            ["short_year"] = day.ToString("yy", invariant),
            ["month"] = day.ToString("MM", invariant),
            ["i_month"] = day.Month.ToString(invariant),
            ["short_month"] = day.ToString("MMM", invariant),
            ["long_month"] = day.ToString("MMMM", invariant),
            ["day"] = day.ToString("dd", invariant),
            ["i_day"] = day.Day.ToString(invariant),
            ["y_day"] = day.DayOfYear.ToString("000", invariant),
            ["short_day"] = day.ToString("ddd", invariant),
            ["long_day"] = day.ToString("dddd", invariant),
            ["week"] = week.ToString("00", invariant),
            ["w_year"] = ISOWeek.GetYear(day).ToString(invariant),
            ["w_day"] = ((int)day.DayOfWeek == 0 ? 7 : (int)day.DayOfWeek).ToString(invariant),
            ["hour"] = "00",
            ["minute"] = "00",
            ["second"] = "00",
            ["output_ext"] = outputExtension,
        };
    }

    [GeneratedRegex(":([a-z_]+)", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex("/{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex SlashRun();
}
