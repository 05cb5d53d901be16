using System.Globalization;
using System.Text;

namespace LinkCheck.Core.Extraction;

/// <summary>
/// GitHub's heading ids, ported from github-slugger 2.0.0 (<c>index.js</c> and <c>script/generate-regex.mjs</c>),
/// which GitHub's own renderer matches.
/// <para>
/// A slug is the heading's plain text lower-cased as JavaScript does, with every code point removed whose
/// Unicode General Category is Other_Number, any punctuation but Connector_Punctuation (the ASCII <c>-</c> is
/// kept), any Symbol, Control, Private_Use, Format, Unassigned or Separator (the ASCII space is kept) — unless
/// it is Alphabetic (circled and squared Latin letters) — and then each space turned into <c>-</c>, without
/// collapsing runs. So letters, marks (including U+FE0F after an emoji) and digits of every script stay.
/// </para>
/// <para>
/// One instance per document: a repeated slug gets <c>-1</c>, <c>-2</c>, ... exactly as <c>BananaSlug.slug</c>
/// numbers it, including the case where a heading's own text already ends in <c>-1</c>.
/// </para>
/// github-slugger generated its table from Unicode 13.0; .NET's tables are newer, so a letter assigned after
/// Unicode 13 is kept here where github-slugger would drop it.
/// </summary>
public sealed class GitHubSlugger : IHeadingSlugger
{
    private readonly Dictionary<string, int> _occurrences = new(StringComparer.Ordinal);

    /// <summary>Returns the unique slug for the next heading with this plain text.</summary>
    public string Next(string headingText)
    {
        var slug = Slug(headingText);
        var original = slug;
        while (_occurrences.ContainsKey(slug))
        {
            var count = ++_occurrences[original];
            slug = original + "-" + count.ToString(CultureInfo.InvariantCulture);
        }

        _occurrences[slug] = 0;
        return slug;
    }

    /// <summary>The slug of one heading text, without duplicate numbering (github-slugger's <c>slug()</c>).</summary>
    public static string Slug(string value)
    {
        var lower = JavaScriptCase.ToLower(value);
        var builder = new StringBuilder(lower.Length);
        var index = 0;
        while (index < lower.Length)
        {
            if (Rune.DecodeFromUtf16(lower.AsSpan(index), out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                // Lone surrogates are category Cs, which github-slugger does not remove.
                builder.Append(lower[index]);
                index++;
                continue;
            }

            if (rune.Value == ' ')
            {
                builder.Append('-');
            }
            else if (rune.Value == '-' || !IsRemoved(rune))
            {
                builder.Append(lower, index, consumed);
            }

            index += consumed;
        }

        return builder.ToString();
    }

    private static bool IsRemoved(Rune rune)
    {
        switch (Rune.GetUnicodeCategory(rune))
        {
            case UnicodeCategory.OtherNumber:
            case UnicodeCategory.ClosePunctuation:
            case UnicodeCategory.FinalQuotePunctuation:
            case UnicodeCategory.InitialQuotePunctuation:
            case UnicodeCategory.OpenPunctuation:
            case UnicodeCategory.OtherPunctuation:
            case UnicodeCategory.DashPunctuation:
            case UnicodeCategory.Control:
            case UnicodeCategory.PrivateUse:
            case UnicodeCategory.Format:
            case UnicodeCategory.OtherNotAssigned:
            case UnicodeCategory.SpaceSeparator:
            case UnicodeCategory.LineSeparator:
            case UnicodeCategory.ParagraphSeparator:
                return true;
            case UnicodeCategory.MathSymbol:
            case UnicodeCategory.CurrencySymbol:
            case UnicodeCategory.ModifierSymbol:
            case UnicodeCategory.OtherSymbol:
                return !IsAlphabeticSymbol(rune.Value);
            default:
                return false;
        }
    }

    /// <summary>
    /// Symbols with the Alphabetic property (Other_Alphabetic in PropList.txt), which github-slugger keeps:
    /// circled Latin letters and the squared / negative circled / negative squared Latin capitals.
    /// </summary>
    private static bool IsAlphabeticSymbol(int codePoint) =>
        codePoint is (>= 0x24B6 and <= 0x24E9) or (>= 0x1F130 and <= 0x1F149) or (>= 0x1F150 and <= 0x1F169) or (>= 0x1F170 and <= 0x1F189);
}
