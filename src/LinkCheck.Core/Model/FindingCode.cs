namespace LinkCheck.Core.Model;

/// <summary>
/// Why a link is not simply OK, as a stable machine-readable code: the <c>code</c> of the JSON report, the rule of
/// the SARIF report, and what <c>--fix</c> looks at. Codes are only ever added.
/// </summary>
public static class FindingCode
{
    /// <summary>A local file or directory that does not exist.</summary>
    public const string FileNotFound = "file-not-found";

    /// <summary>A local path that exists only with another letter case.</summary>
    public const string PathCase = "path-case-mismatch";

    /// <summary>A local link that leaves the repository.</summary>
    public const string OutsideRepository = "outside-repository";

    /// <summary>A fragment that names no heading or anchor.</summary>
    public const string AnchorNotFound = "anchor-not-found";

    /// <summary>A fragment that matches an anchor only ignoring case.</summary>
    public const string AnchorCase = "anchor-case-mismatch";

    /// <summary>A line anchor past the end of the file.</summary>
    public const string LineOutOfRange = "line-out-of-range";

    /// <summary>A target that exists locally but is ignored by git.</summary>
    public const string TargetIgnored = "target-ignored-by-git";

    /// <summary>A file whose anchors could not be read.</summary>
    public const string TargetUnreadable = "target-unreadable";

    /// <summary>An HTTP status that is not accepted.</summary>
    public const string HttpStatus = "http-status";

    /// <summary>No answer within the timeout.</summary>
    public const string Timeout = "timeout";

    /// <summary>The connection failed (DNS, refused, reset, TLS).</summary>
    public const string Connection = "connection-failed";

    /// <summary>A redirect loop, too many redirects, or a redirect without a location.</summary>
    public const string RedirectError = "redirect-error";

    /// <summary>A permanent redirect: the link should point at the new URL.</summary>
    public const string PermanentRedirect = "permanent-redirect";

    /// <summary>A redirect from https to http.</summary>
    public const string InsecureRedirect = "insecure-redirect";

    /// <summary>An http link whose https form works too (<c>--require-https</c>).</summary>
    public const string InsecureLink = "insecure-link";

    /// <summary>A server that refuses robots (bot protection, rate limits after every retry).</summary>
    public const string Unverified = "unverified";

    /// <summary>A <c>mailto:</c> link without a valid address.</summary>
    public const string InvalidMail = "invalid-mail";

    /// <summary>A URL that cannot work (no host, ...).</summary>
    public const string InvalidUrl = "invalid-url";

    /// <summary>An empty link destination.</summary>
    public const string EmptyLink = "empty-link";

    /// <summary>A GitHub repository, file, issue, pull request or release that does not exist.</summary>
    public const string GitHubNotFound = "github-not-found";

    /// <summary>A site generator would publish no page at the URL a link points to.</summary>
    public const string SitePageNotFound = "site-page-not-found";

    /// <summary>A link to a source file the site generator does not publish (a draft, an <c>_underscore</c> file, an excluded one).</summary>
    public const string NotPublished = "not-published";

    /// <summary>A template tag the generator stops on (a <c>{% post_url %}</c> to a missing post): the whole site fails to build.</summary>
    public const string SiteBuildFails = "site-build-fails";

    /// <summary>A file that could not be checked at all.</summary>
    public const string FileError = "file-error";

    /// <summary>A text file that is not UTF-8: it was read as Windows-1252 or UTF-16, as GitHub renders it.</summary>
    public const string NotUtf8 = "not-utf8";

    /// <summary>A broken target in a reference definition no link uses (never rendered, so only a warning).</summary>
    public const string UnusedDefinition = "unused-definition";

    /// <summary>A broken target in a reference definition an earlier one with the same label shadows (never rendered).</summary>
    public const string ShadowedDefinition = "shadowed-definition";
}
