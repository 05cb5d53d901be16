using System.Globalization;
using System.Text;
using LinkCheck.Core.Extraction;

namespace LinkCheck.Core.Sites.Jekyll;

/// <summary>
/// Heading ids as Jekyll writes them: kramdown with <c>input: GFM</c> (Jekyll's default, and GitHub Pages'),
/// <c>auto_ids: true</c> and <c>transliterated_header_ids: false</c> (both kramdown's defaults), so the id comes
/// from kramdown-parser-gfm's <c>generate_gfm_header_id</c> (lib/kramdown/parser/gfm.rb):
/// <code>
/// result = text.downcase; result.gsub!(/[^\p{Word}\- \t]/, ''); result.tr!(" \t", '-')
/// @id_counter[result] += 1; result &lt;&lt; "-#{counter}" if counter &gt; 0
/// </code>
/// The text is the header's raw text with formatting stripped (<c>auto_id_stripping</c>): kramdown's typography
/// is applied first, so <c>--</c> is an en dash and <c>...</c> an ellipsis, both removed (GitHub keeps the two
/// hyphens). Ruby's <c>\p{Word}</c> is letters, marks, decimal digits and connector punctuation. Unlike
/// github-slugger, the counter is per text: a heading <c>a-1</c> does not shift the numbering of <c>a</c>.
/// An explicit <c>{#id}</c> at the end of the heading sets the id (kramdown's header IAL).
/// </summary>
public sealed class KramdownSlugger : IHeadingSlugger
{
    private readonly Dictionary<string, int> _counter = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public string Next(string headingText)
    {
        if (ExplicitId(headingText) is { } id)
        {
            return id;
        }

        var slug = Slug(headingText);
        var count = _counter.TryGetValue(slug, out var seen) ? seen + 1 : 0;
        _counter[slug] = count;
        return count > 0 ? slug + "-" + count.ToString(CultureInfo.InvariantCulture) : slug;
    }

    /// <inheritdoc />
    public bool ReadsNextBlock => true;

    /// <summary>
    /// kramdown's block IAL on the line after a heading, <c>{: #id}</c> (lib/kramdown/parser/kramdown/block_boundary.rb
    /// and extensions.rb: an IAL line applies to the block before it), as the jekyll docs write <c>{: #v4-4-1}</c>.
    /// </summary>
    public string? IdFromNextBlock(string blockText)
    {
        var text = blockText.Trim();
        if (!text.StartsWith("{:", StringComparison.Ordinal) || !text.EndsWith('}') || text.Contains('\n', StringComparison.Ordinal))
        {
            return null;
        }

        foreach (var part in text[2..^1].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.Length > 1 && part[0] == '#')
            {
                return part[1..];
            }
        }

        return null;
    }

    /// <summary>The id of a heading text without numbering.</summary>
    public static string Slug(string headingText)
    {
        var text = Typography(headingText.Trim());
        var lower = JavaScriptCase.ToLower(text); // Ruby's String#downcase also applies full Unicode case mapping.
        var builder = new StringBuilder(lower.Length);
        var index = 0;
        while (index < lower.Length)
        {
            if (Rune.DecodeFromUtf16(lower.AsSpan(index), out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                index++;
                continue;
            }

            if (rune.Value is ' ' or '\t')
            {
                builder.Append('-');
            }
            else if (rune.Value == '-' || IsWord(rune))
            {
                builder.Append(lower, index, consumed);
            }

            index += consumed;
        }

        return builder.ToString();
    }

    /// <summary>kramdown's typographic symbols (lib/kramdown/parser/kramdown/typographic_symbol.rb): <c>---</c>, <c>--</c>, <c>...</c>, <c>&lt;&lt;</c>, <c>&gt;&gt;</c>.</summary>
    private static string Typography(string text) =>
        text.Contains("--", StringComparison.Ordinal) || text.Contains("...", StringComparison.Ordinal) || text.Contains("<<", StringComparison.Ordinal) || text.Contains(">>", StringComparison.Ordinal)
            ? text.Replace("---", "\u2014", StringComparison.Ordinal).Replace("--", "\u2013", StringComparison.Ordinal).Replace("...", "\u2026", StringComparison.Ordinal)
                .Replace("<< ", "\u00AB ", StringComparison.Ordinal).Replace(" >>", " \u00BB", StringComparison.Ordinal).Replace("<<", "\u00AB", StringComparison.Ordinal).Replace(">>", "\u00BB", StringComparison.Ordinal)
            : text;

    /// <summary>Ruby (Onigmo) <c>\p{Word}</c>: Alphabetic, Mark, Decimal_Number, Connector_Punctuation.</summary>
    private static bool IsWord(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation => true,
        _ => false,
    };

    /// <summary>The id of kramdown's header IAL, <c>## Title {#id}</c> (lib/kramdown/parser/kramdown/header.rb).</summary>
    private static string? ExplicitId(string text)
    {
        var trimmed = text.TrimEnd();
        if (!trimmed.EndsWith('}'))
        {
            return null;
        }

        var open = trimmed.LastIndexOf("{#", StringComparison.Ordinal);
        if (open < 0)
        {
            return null;
        }

        var id = trimmed[(open + 2)..^1];
        return id.Length > 0 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or ':') && char.IsAsciiLetter(id[0]) ? id : null;
    }
}
