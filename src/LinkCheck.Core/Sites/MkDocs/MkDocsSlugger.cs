using System.Globalization;
using System.Text;

using LinkCheck.Core.Extraction;

namespace LinkCheck.Core.Sites.MkDocs;

/// <summary>
/// MkDocs' heading ids: Python-Markdown's <c>toc</c> extension (<c>markdown/extensions/toc.py</c>, 3.4.1 as
/// Debian ships it with MkDocs 1.4.2, unchanged in 3.10), <c>slugify</c> and <c>unique</c>.
/// <para>
/// <c>slugify</c>: NFKD, then drop every non-ASCII character (so <c>café</c> becomes <c>cafe</c> and
/// <c>中文</c> disappears); remove what is not <c>\w</c>, white space or <c>-</c>; strip; lower-case; and
/// collapse every run of <c>-</c> and white space into one separator. With <c>slugify_unicode</c> the
/// folding step is skipped and <c>\w</c> is Unicode's.
/// </para>
/// <para>
/// <c>unique</c>: while the id is taken or empty, an id ending in <c>_N</c> becomes <c>_N+1</c>, any other gets
/// <c>_1</c>. So duplicates get <c>_1</c>, <c>_2</c> (not GitHub's <c>-1</c>), and an empty heading gets <c>_1</c>.
/// </para>
/// </summary>
public sealed class MkDocsSlugger : IHeadingSlugger
{
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);
    private readonly string _separator;
    private readonly bool _unicode;
    private readonly bool _attrList;

    /// <summary>Creates a slugger for one page.</summary>
    /// <param name="separator">The <c>toc</c> extension's <c>separator</c> (default <c>-</c>).</param>
    /// <param name="unicode">True for <c>slugify_unicode</c>.</param>
    /// <param name="attrList">True when the <c>attr_list</c> extension is on, so <c>{#id}</c> sets a heading's id.</param>
    public MkDocsSlugger(string separator = "-", bool unicode = false, bool attrList = false)
    {
        _separator = separator;
        _unicode = unicode;
        _attrList = attrList;
    }

    /// <summary>Records an id the page already has (the <c>toc</c> treeprocessor collects them first).</summary>
    public void Put(string id) => _used.Add(id);

    /// <summary>The unique id of the next heading with this plain text.</summary>
    public string Next(string headingText) => Unique(Slug(headingText, _separator, _unicode), _used);

    /// <inheritdoc />
    public bool ReadsHeadingSource => true;

    /// <summary>The id of the next heading, knowing its source: with <c>attr_list</c>, a trailing <c>{#id}</c> wins and other attributes are not text.</summary>
    public string Next(string headingText, string headingSource)
    {
        if (!_attrList)
        {
            return Next(headingText);
        }

        var (_, id) = Hugo.HugoSlugger.SplitAttributes(headingSource);
        if (id is not null)
        {
            _used.Add(id);
            return id;
        }

        var source = headingSource.TrimEnd();
        var open = source.LastIndexOf('{');
        if (source.EndsWith('}') && open >= 0 && headingText.EndsWith(source[open..], StringComparison.Ordinal))
        {
            headingText = headingText[..^(source.Length - open)];
        }

        return Next(headingText);
    }

    /// <summary><c>slugify(value, separator, unicode)</c>.</summary>
    public static string Slug(string value, string separator = "-", bool unicode = false)
    {
        if (!unicode)
        {
            value = AsciiFolding.CompatibilityAscii(value);
        }

        // re.sub(r'[^\w\s-]', '', value).strip().lower()
        var kept = new StringBuilder(value.Length);
        foreach (var rune in value.EnumerateRunes())
        {
            if (IsWord(rune) || IsSpace(rune) || rune.Value == '-')
            {
                kept.Append(rune.ToString());
            }
        }

        var stripped = Strip(kept.ToString());
        var lower = PythonLower(stripped);

        // re.sub(r'[{separator}\s]+', separator, value): a run of separator characters and white space.
        var result = new StringBuilder(lower.Length);
        var index = 0;
        while (index < lower.Length)
        {
            var start = index;
            while (index < lower.Length && (IsSpace(lower[index]) || (separator.Length == 1 && lower[index] == separator[0])))
            {
                index++;
            }

            if (index > start)
            {
                result.Append(separator);
            }
            else
            {
                result.Append(lower[index]);
                index++;
            }
        }

        return result.ToString();
    }

    /// <summary><c>unique(id, ids)</c>.</summary>
    public static string Unique(string id, ISet<string> used)
    {
        while (id.Length == 0 || used.Contains(id))
        {
            // IDCOUNT_RE = ^(.*)_([0-9]+)$ : the last underscore followed only by ASCII digits.
            var underscore = id.LastIndexOf('_');
            if (underscore >= 0 && underscore < id.Length - 1 && id.AsSpan(underscore + 1).IndexOfAnyExceptInRange('0', '9') < 0)
            {
                var number = System.Numerics.BigInteger.Parse(id.AsSpan(underscore + 1), CultureInfo.InvariantCulture) + 1;
                id = id[..underscore] + "_" + number.ToString(CultureInfo.InvariantCulture);
            }
            else
            {
                id += "_1";
            }
        }

        used.Add(id);
        return id;
    }

    /// <summary>Python's <c>\w</c> for a str pattern: alphanumerics (<c>str.isalnum</c>) and the underscore.</summary>
    private static bool IsWord(Rune rune)
    {
        if (rune.Value == '_')
        {
            return true;
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
            _ => false,
        };
    }

    /// <summary>Python's <c>\s</c> and <c>str.isspace</c>: Unicode white space plus the ASCII separators U+001C..U+001F.</summary>
    private static bool IsSpace(Rune rune) => rune.IsBmp && IsSpace((char)rune.Value);

    /// <summary>Every white-space character is in the Basic Multilingual Plane.</summary>
    private static bool IsSpace(char c) => char.IsWhiteSpace(c) || c is >= '\u001C' and <= '\u001F';

    private static string Strip(string value)
    {
        var start = 0;
        var end = value.Length;
        while (start < end && IsSpace(value[start]))
        {
            start++;
        }

        while (end > start && IsSpace(value[end - 1]))
        {
            end--;
        }

        return value[start..end];
    }

    /// <summary>Python's <c>str.lower()</c>: full case mapping, as JavaScript's (İ becomes i + U+0307).</summary>
    private static string PythonLower(string value) => Extraction.JavaScriptCase.ToLower(value);
}
