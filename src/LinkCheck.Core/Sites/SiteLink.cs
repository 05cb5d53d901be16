using LinkCheck.Core.Model;

namespace LinkCheck.Core.Sites;

/// <summary>
/// A link interpreted by a site at planning time (carried by a <see cref="TargetKind.Site"/> target): the page it
/// names, as a URL path of the site or as a source file, and its fragment; or the verdict when no lookup is needed.
/// </summary>
/// <param name="Site">The site whose model resolves the link.</param>
/// <param name="Written">The destination as written (for messages).</param>
public sealed record SiteLink(ISite Site, string Written) : SiteTarget
{
    /// <summary>The URL path relative to the site's base path, starting with <c>/</c>; null when <see cref="SourcePath"/> names the page.</summary>
    public string? SitePath { get; init; }

    /// <summary>The source file the link names directly (a relative <c>.md</c> link the generator rewrites, a <c>{% link %}</c>).</summary>
    public string? SourcePath { get; init; }

    /// <summary>The fragment, decoded, without <c>#</c>; null when none.</summary>
    public string? Fragment { get; init; }

    /// <summary>True when the link's text came from template tags (fixes are not applied to them).</summary>
    public bool FromTemplate { get; init; }

    /// <summary>A verdict decided without a lookup (a tag that cannot be evaluated, a build failure, outside the site).</summary>
    public Verdict? Decided { get; init; }
}
