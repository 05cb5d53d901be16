using System.Text.RegularExpressions;
using LinkCheck.Core.Extraction;
using LinkCheck.Core.Model;

namespace LinkCheck.Core.Resolution;

/// <summary>
/// Decides whether <c>https://host/page#fragment</c> points at something on the fetched page. Browsers match
/// fragments against <c>id</c> and <c>name</c> exactly (HTML §7.4.6.4), so does this. Some sites build their
/// anchors with scripts, so their fetched HTML lacks ids the browser will have: GitHub's file and README views
/// (rendered markdown ids carry a <c>user-content-</c> prefix there, line anchors <c>#L10</c> are always fine)
/// and docs.rs. For those a missing anchor is "not verified" (skipped, with the reason), never broken.
/// </summary>
public static partial class RemoteFragments
{
    private static readonly string[] ScriptAnchoredHosts = ["github.com", "www.github.com", "docs.rs"];

    /// <summary>True when the fragment needs no page at all (<c>#</c>, <c>#top</c>, GitHub line anchors on files).</summary>
    public static bool NeedsNoPage(Uri page, string fragment) =>
        fragment.Length == 0 || fragment.Equals("top", StringComparison.OrdinalIgnoreCase) || IsGitHubLineAnchor(page, fragment);

    /// <summary>The verdict for one fragment of a page whose own verdict is <paramref name="page"/> (OK or a warning).</summary>
    public static Verdict Check(Uri uri, string fragment, HttpOutcome outcome, Verdict page, long bodyCap)
    {
        if (NeedsNoPage(uri, fragment))
        {
            return page;
        }

        if (outcome.NotHtml)
        {
            return page with { Message = page.Message ?? $"#{fragment} not checked: the page is not HTML" };
        }

        var anchors = outcome.Anchors;
        if (anchors is null)
        {
            return Verdict.Skipped($"#{fragment} not checked");
        }

        if (anchors.Contains(fragment) || (IsGitHub(uri) && anchors.Contains("user-content-" + fragment)))
        {
            return page;
        }

        if (ScriptAnchoredHosts.Contains(uri.IdnHost, StringComparer.OrdinalIgnoreCase))
        {
            return Verdict.Skipped($"#{fragment} not verified: {uri.IdnHost} builds this page's anchors with scripts");
        }

        if (outcome.BodyTruncated)
        {
            return Verdict.Skipped($"#{fragment} not verified: the page is larger than {Extraction.DocumentReader.FormatSize(bodyCap)}");
        }

        var closest = anchors.FirstOrDefault(a => a.Equals(fragment, StringComparison.OrdinalIgnoreCase))
            ?? Closest.Find(fragment, anchors.Order(StringComparer.Ordinal));
        return Verdict.Broken(FindingCode.AnchorNotFound, $"no anchor #{fragment} on the page", closest is null ? null : new Suggestion.ReplaceFragment(closest));
    }

    private static bool IsGitHub(Uri uri) => uri.IdnHost is "github.com" or "www.github.com";

    /// <summary>#L10, #L10-L20, #L10C5-L12C3 on a github.com blob view, which GitHub's script always resolves.</summary>
    private static bool IsGitHubLineAnchor(Uri uri, string fragment) =>
        IsGitHub(uri) && uri.AbsolutePath.Contains("/blob/", StringComparison.Ordinal) && LineAnchor().IsMatch(fragment);

    [GeneratedRegex(@"^L\d+(C\d+)?(-L\d+(C\d+)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex LineAnchor();
}
