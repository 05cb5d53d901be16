using LinkCheck.Core.Model;

namespace LinkCheck.Core.Reporting;

/// <summary>The stable, lower-case names of statuses and kinds used in every output format.</summary>
public static class Names
{
    /// <summary>The name of a status: ok, broken, warning, unverified, skipped, excluded, error.</summary>
    public static string Of(LinkStatus status) => status switch
    {
        LinkStatus.Ok => "ok",
        LinkStatus.Broken => "broken",
        LinkStatus.Warning => "warning",
        LinkStatus.Unverified => "unverified",
        LinkStatus.Skipped => "skipped",
        LinkStatus.Excluded => "excluded",
        LinkStatus.Error => "error",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>The name of a link kind: link, image, autolink, html, definition.</summary>
    public static string Of(LinkKind kind) => kind switch
    {
        LinkKind.Link => "link",
        LinkKind.Image => "image",
        LinkKind.Autolink => "autolink",
        LinkKind.Html => "html",
        LinkKind.Definition => "definition",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
