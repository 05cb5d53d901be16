using System.Text.RegularExpressions;
using LinkCheck.Core.Extraction;

namespace LinkCheck.Core.Sites.Docusaurus;

/// <summary>
/// Docusaurus's heading ids (<c>@docusaurus/mdx-loader</c> <c>remark/headings</c>): an explicit
/// <c>{#custom-id}</c> at the end of the heading wins (<c>parseMarkdownHeadingId</c>, classic syntax) and does not
/// count for numbering; otherwise github-slugger 2 over the heading's text, lower-cased (the default
/// <c>markdown.anchors.maintainCase: false</c>), repeated ids numbered <c>-1</c>, <c>-2</c> per page.
/// </summary>
public sealed partial class DocusaurusSlugger : IHeadingSlugger
{
    private readonly GitHubSlugger _slugger = new();

    /// <inheritdoc />
    public string Next(string headingText)
    {
        var match = CustomId().Match(headingText);
        return match.Success ? match.Groups["id"].Value : _slugger.Next(headingText);
    }

    /// <summary>The heading text without a trailing <c>{#id}</c> (what the page shows).</summary>
    public static string StripCustomId(string headingText)
    {
        var match = CustomId().Match(headingText);
        return match.Success ? headingText[..match.Index] : headingText;
    }

    // markdownHeadingIdUtils.ts customHeadingIdRegex, as written there.
    [GeneratedRegex(@"\s*\{#(?<id>(?:.(?!\{#|\}))*.)\}$")]
    private static partial Regex CustomId();
}
