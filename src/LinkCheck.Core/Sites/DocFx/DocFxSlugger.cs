using System.Text.RegularExpressions;
using LinkCheck.Core.Extraction;
using Markdig.Helpers;

namespace LinkCheck.Core.Sites.DocFx;

/// <summary>
/// DocFX's heading ids. DocFX 2.81 renders markdown with Markdig and
/// <c>UseAutoIdentifiers(AutoIdentifierOptions.GitHub)</c> (dotnet/docfx
/// <c>src/Docfx.MarkdigEngine.Extensions/MarkdownExtensions.cs</c>), so an id is Markdig's
/// <c>LinkHelper.UrilizeAsGfm</c> of the heading's plain text (images contribute their alt text, raw HTML nothing),
/// <c>section</c> for an empty one, and a repeated id gets <c>-1</c>, <c>-2</c>, ... (Markdig's
/// <c>AutoIdentifierExtension</c>: the first free suffix). This is not github-slugger: Markdig keeps <c>İ</c>,
/// final sigma and other characters GitHub spells differently.
/// <para>
/// DocFX's <c>HeadingIdRewriter</c> then replaces the id of a heading that starts with an empty
/// <c>&lt;a name="x"&gt;&lt;/a&gt;</c> (or <c>id="x"</c>) by <c>x</c>; the automatic id it replaced stays taken
/// for numbering. DocFX has no <c>{#id}</c> syntax (generic attributes are not enabled).
/// </para>
/// </summary>
public sealed partial class DocFxSlugger : IHeadingSlugger
{
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public string Next(string headingText) => NextWithAnchor(headingText, null);

    /// <summary>
    /// The id of the next heading: <paramref name="headingText"/> is its plain text, <paramref name="explicitAnchor"/>
    /// the name of a leading empty <c>&lt;a name&gt;</c> element (see <see cref="ExplicitAnchor"/>), if any.
    /// </summary>
    public string NextWithAnchor(string headingText, string? explicitAnchor)
    {
        var slug = LinkHelper.UrilizeAsGfm(headingText);
        var id = string.IsNullOrEmpty(slug) ? "section" : slug;
        if (!_taken.Add(id))
        {
            var index = 1;
            string numbered;
            while (!_taken.Add(numbered = id + "-" + index.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            {
                index++;
            }

            id = numbered;
        }

        return explicitAnchor ?? id;
    }

    /// <summary>
    /// The anchor name of a heading whose inline content starts with <c>&lt;a name="x"&gt;</c> immediately followed
    /// by <c>&lt;/a&gt;</c> and something after it (DocFX's <c>HeadingIdRewriter</c> needs more than two inlines),
    /// or null. The tags are given as Markdig's raw HTML inlines.
    /// </summary>
    public static string? ExplicitAnchor(string openTag, string closeTag, int inlineCount)
    {
        if (inlineCount <= 2)
        {
            return null;
        }

        var open = OpenAnchor().Match(openTag);
        return open.Success && CloseAnchor().IsMatch(closeTag) ? open.Groups[1].Value : null;
    }

    // The patterns of HeadingIdRewriter.cs, as written there.
    [GeneratedRegex(@"^\<a +(?:name|id)=\""([\w \-\.]+)\"" *\>$")]
    private static partial Regex OpenAnchor();

    [GeneratedRegex(@"^\<\/a\>$")]
    private static partial Regex CloseAnchor();
}
