using System.Globalization;
using System.Text;

using LinkCheck.Core.Extraction;

namespace LinkCheck.Core.Sites.Hugo;

/// <summary>
/// Hugo's heading ids (<c>markup.goldmark.parser.autoHeadingIDType</c>), ported from Hugo's
/// <c>markup/goldmark/autoid.go</c> (<c>sanitizeAnchorNameWithHook</c>, <c>idFactory.Generate</c>; unchanged
/// from v0.111.3, the Debian package, to the current master) and Blackfriday's <c>SanitizedAnchorName</c>.
/// <para>
/// Goldmark (v1.5.4, <c>parser/atx_heading.go</c> <c>generateAutoHeadingID</c>) hands the id factory the raw
/// source of the heading's last line, not its rendered text: <c>## See [docs](https://x.io)</c> gives
/// <c>see-docshttpsxio</c>. So the input here is that source line, with the <c>#</c> markers and a trailing
/// <c>{#id}</c> attribute block already removed.
/// </para>
/// <para>
/// The default type, <c>github</c>: trim white space; <c>-</c> and space become <c>-</c> (runs are not
/// collapsed); <c>_</c>, letters (<c>unicode.IsLetter</c>) and decimal digits (<c>unicode.IsDigit</c>) are kept,
/// lower-cased with Go's simple case mapping; everything else, combining marks included, is dropped. An empty
/// result becomes <c>heading</c>. A taken id gets <c>-1</c>, <c>-2</c>, ... (the first number free).
/// </para>
/// </summary>
public sealed class HugoSlugger : IHeadingSlugger
{
    /// <summary>Hugo's default id type.</summary>
    public const string GitHub = "github";

    /// <summary>Like <see cref="GitHub"/>, with accents removed and any other non-ASCII character dropped.</summary>
    public const string GitHubAscii = "github-ascii";

    /// <summary>Blackfriday's ids (Hugo's renderer before 0.60).</summary>
    public const string Blackfriday = "blackfriday";

    private readonly HashSet<string> _used = new(StringComparer.Ordinal);
    private readonly string _idType;

    /// <summary>Creates a slugger for one page, with the site's <c>autoHeadingIDType</c>.</summary>
    public HugoSlugger(string idType = GitHub)
    {
        _idType = idType;
    }

    /// <summary>True for the id types Hugo knows (<c>github</c>, <c>github-ascii</c>, <c>blackfriday</c>).</summary>
    public static bool IsKnownType(string idType) => idType is GitHub or GitHubAscii or Blackfriday;

    /// <summary>Records an id given explicitly (<c>{#id}</c>), as Goldmark's <c>IDs.Put</c> does.</summary>
    public void Put(string id) => _used.Add(id);

    /// <summary>
    /// The unique id of the next heading when only its plain text is known (the same as its source for headings
    /// without markup).
    /// </summary>
    public string Next(string headingText) => Unique(Slug(headingText, _idType));

    /// <inheritdoc />
    public bool ReadsHeadingSource => true;

    /// <summary>
    /// The unique id of the next heading whose source line is <paramref name="headingSource"/>. A trailing
    /// attribute block (<c>{#id .class}</c>, Hugo's default <c>markup.goldmark.parser.attribute.title</c>) is
    /// removed first, and its id wins (and is recorded, as Goldmark's <c>IDs.Put</c> does).
    /// </summary>
    public string Next(string headingText, string headingSource)
    {
        var (rest, id) = SplitAttributes(headingSource);
        if (id is not null)
        {
            Put(id);
            return id;
        }

        return Unique(Slug(rest, _idType));
    }

    /// <summary>Splits a trailing <c>{...}</c> attribute block off a heading line, with the id it names (or null).</summary>
    public static (string Text, string? Id) SplitAttributes(string source)
    {
        var trimmed = source.TrimEnd();
        if (!trimmed.EndsWith('}'))
        {
            return (source, null);
        }

        var open = trimmed.LastIndexOf('{');
        if (open < 0 || (open > 0 && trimmed[open - 1] == '\\'))
        {
            return (source, null);
        }

        var block = trimmed[(open + 1)..^1].Trim();
        if (block.Length == 0 || !(block[0] is '#' or '.' || char.IsLetter(block[0])))
        {
            return (source, null);
        }

        string? id = null;
        foreach (var part in block.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith('#') && part.Length > 1)
            {
                id = part[1..];
            }
            else if (part.StartsWith("id=", StringComparison.Ordinal))
            {
                id = part[3..].Trim('"', '\'');
            }
        }

        return (trimmed[..open].TrimEnd(), id);
    }

    private string Unique(string id)
    {
        if (id.Length == 0)
        {
            id = "heading";
        }

        if (_used.Contains(id))
        {
            for (var number = 1; ; number++)
            {
                var candidate = id + "-" + number.ToString(CultureInfo.InvariantCulture);
                if (!_used.Contains(candidate))
                {
                    id = candidate;
                    break;
                }
            }
        }

        _used.Add(id);
        return id;
    }

    /// <summary>The id of one heading source, before numbering (<c>sanitizeAnchorName</c>).</summary>
    public static string Slug(string headingSource, string idType = GitHub)
    {
        if (idType == Blackfriday)
        {
            return BlackfridaySlug(headingSource);
        }

        var asciiOnly = idType == GitHubAscii;
        // Hugo's text.RemoveAccents (NFD, non-spacing marks removed, NFC), of which only ASCII is kept.
        var text = asciiOnly ? MkDocs.AsciiFolding.CanonicalAscii(headingSource) : headingSource;
        text = text.Trim();
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (asciiOnly && !rune.IsAscii)
            {
                continue;
            }

            if (rune.Value is '-' or ' ')
            {
                builder.Append('-');
            }
            else if (rune.Value == '_' || Rune.IsLetter(rune) || Rune.IsDigit(rune))
            {
                builder.Append(GoToLower(rune).ToString());
            }
        }

        return builder.ToString();
    }

    /// <summary>Hugo's <c>text.RemoveAccents</c>: decompose, drop non-spacing marks, compose.</summary>
    private static string RemoveAccents(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var rune in value.Normalize(NormalizationForm.FormD).EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(rune.ToString());
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// Go's <c>unicode.ToLower</c>: the simple mapping of UnicodeData.txt. .NET's invariant casing agrees except
    /// for U+0130 (İ), which it leaves alone and Go maps to <c>i</c>.
    /// </summary>
    private static Rune GoToLower(Rune rune) => rune.Value == 0x0130 ? new Rune('i') : Rune.ToLowerInvariant(rune);

    /// <summary>Blackfriday's <c>SanitizedAnchorName</c>: letters and numbers, runs of anything else as one <c>-</c>.</summary>
    private static string BlackfridaySlug(string text)
    {
        var builder = new StringBuilder(text.Length);
        var futureDash = false;
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsLetter(rune) || Rune.IsNumber(rune))
            {
                if (futureDash && builder.Length > 0)
                {
                    builder.Append('-');
                }

                futureDash = false;
                builder.Append(GoToLower(rune).ToString());
            }
            else
            {
                futureDash = true;
            }
        }

        return builder.ToString();
    }
}
