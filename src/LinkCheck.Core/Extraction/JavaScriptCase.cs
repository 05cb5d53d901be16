using System.Globalization;
using System.Text;

namespace LinkCheck.Core.Extraction;

/// <summary>
/// <c>String.prototype.toLowerCase</c> as JavaScript engines implement it (ECMA-262 §22.1.3.28): Unicode
/// default full case mapping, locale-independent. It differs from .NET's <see cref="string.ToLowerInvariant"/>
/// in exactly the two places SpecialCasing.txt defines for lower case without a language:
/// <list type="bullet">
/// <item>U+0130 (İ) becomes two code points, <c>i</c> + U+0307 COMBINING DOT ABOVE.</item>
/// <item>U+03A3 (Σ) becomes final sigma <c>ς</c> at the end of a word (the Final_Sigma condition,
/// Unicode §3.13, table 3-17) and <c>σ</c> elsewhere.</item>
/// </list>
/// Everything else uses the simple lowercase mapping of UnicodeData.txt, which .NET applies code point by code point.
/// </summary>
public static class JavaScriptCase
{
    private const int CapitalIWithDotAbove = 0x0130;
    private const int CapitalSigma = 0x03A3;

    /// <summary>Lower-cases <paramref name="value"/> exactly as JavaScript's <c>toLowerCase()</c> would.</summary>
    public static string ToLower(string value)
    {
        var builder = new StringBuilder(value.Length);
        Span<char> buffer = stackalloc char[2];
        var index = 0;
        while (index < value.Length)
        {
            if (Rune.DecodeFromUtf16(value.AsSpan(index), out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                // A lone surrogate: JavaScript leaves it as it is.
                builder.Append(value[index]);
                index++;
                continue;
            }

            switch (rune.Value)
            {
                case CapitalIWithDotAbove:
                    builder.Append("i\u0307");
                    break;
                case CapitalSigma:
                    builder.Append(IsFinalSigma(value, index, consumed) ? 'ς' : 'σ');
                    break;
                default:
                    var lower = Rune.ToLowerInvariant(rune);
                    builder.Append(buffer[..lower.EncodeToUtf16(buffer)]);
                    break;
            }

            index += consumed;
        }

        return builder.ToString();
    }

    /// <summary>
    /// Final_Sigma: the sigma is preceded by a cased letter (with any case-ignorable characters between)
    /// and not followed by a cased letter (with any case-ignorable characters between).
    /// </summary>
    private static bool IsFinalSigma(string value, int index, int length)
    {
        var before = false;
        for (var i = index; i > 0;)
        {
            var rune = RuneBefore(value, ref i);
            if (IsCased(rune))
            {
                before = true;
                break;
            }

            if (!IsCaseIgnorable(rune))
            {
                break;
            }
        }

        if (!before)
        {
            return false;
        }

        for (var i = index + length; i < value.Length;)
        {
            if (Rune.DecodeFromUtf16(value.AsSpan(i), out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return true;
            }

            if (IsCased(rune))
            {
                return false;
            }

            if (!IsCaseIgnorable(rune))
            {
                return true;
            }

            i += consumed;
        }

        return true;
    }

    private static Rune RuneBefore(string value, ref int index)
    {
        if (Rune.DecodeLastFromUtf16(value.AsSpan(0, index), out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
        {
            index--;
            return Rune.ReplacementChar;
        }

        index -= consumed;
        return rune;
    }

    /// <summary>Cased (Unicode §3.13 D135): Lu, Ll, Lt, or Other_Lowercase / Other_Uppercase.</summary>
    private static bool IsCased(Rune rune)
    {
        var category = Rune.GetUnicodeCategory(rune);
        if (category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter)
        {
            return true;
        }

        // The Other_Lowercase / Other_Uppercase code points that sit in other categories (PropList.txt):
        // ordinal indicators, modifier letters, Roman numerals, circled and squared Latin letters.
        var v = rune.Value;
        return v is 0x00AA or 0x00BA
            or (>= 0x02B0 and <= 0x02B8) or (>= 0x02C0 and <= 0x02C1) or (>= 0x02E0 and <= 0x02E4) or 0x0345 or 0x037A
            or (>= 0x1D2C and <= 0x1D6A) or 0x1D78 or (>= 0x1D9B and <= 0x1DBF) or 0x2071 or 0x207F or (>= 0x2090 and <= 0x209C)
            or (>= 0x2160 and <= 0x217F) or (>= 0x24B6 and <= 0x24E9) or (>= 0x2C7C and <= 0x2C7D)
            or (>= 0xA69C and <= 0xA69D) or 0xA770 or (>= 0xA7F8 and <= 0xA7F9) or (>= 0xAB5C and <= 0xAB5F)
            or (>= 0x1F130 and <= 0x1F149) or (>= 0x1F150 and <= 0x1F169) or (>= 0x1F170 and <= 0x1F189);
    }

    /// <summary>
    /// Case_Ignorable (Unicode §3.13 D136): Mn, Me, Cf, Lm, Sk, and the Word_Break classes MidLetter,
    /// MidNumLet and Single_Quote.
    /// </summary>
    private static bool IsCaseIgnorable(Rune rune)
    {
        var category = Rune.GetUnicodeCategory(rune);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format
            or UnicodeCategory.ModifierLetter or UnicodeCategory.ModifierSymbol)
        {
            return true;
        }

        return rune.Value is '\'' or '.' or ':' or 0x00B7 or 0x0387 or 0x055F or 0x05F4 or 0x2018 or 0x2019 or 0x2024
            or 0x2027 or 0xFE13 or 0xFE52 or 0xFE55 or 0xFF07 or 0xFF0E or 0xFF1A;
    }
}
