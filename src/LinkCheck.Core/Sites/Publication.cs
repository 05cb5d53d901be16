namespace LinkCheck.Core.Sites;

/// <summary>Where one source file ends up on a site: the URL it is published at, or why it is not published.</summary>
/// <param name="SourcePath">The source file (repository-relative).</param>
/// <param name="Url">The URL path relative to the site's base path, starting with <c>/</c> (<c>/2023/05/05/post.html</c>); null when not published.</param>
/// <param name="Kind">What the file becomes.</param>
/// <param name="Reason">Why the file is not published (<c>drafts are not published</c>); null when it is.</param>
public sealed record Publication(string SourcePath, string? Url, PageKind Kind, string? Reason = null)
{
    /// <summary>True when the file is on the site.</summary>
    public bool IsPublished => Url is not null;

    /// <summary>For a <see cref="PageKind.Redirect"/>: the URL (site-relative path or absolute) it sends the reader to.</summary>
    public string? RedirectTo { get; init; }

    /// <summary>A file published at <paramref name="url"/>.</summary>
    public static Publication At(string sourcePath, string url, PageKind kind) => new(sourcePath, url, kind);

    /// <summary>A file the generator leaves out, and why.</summary>
    public static Publication NotPublished(string sourcePath, string reason) => new(sourcePath, null, PageKind.Page, reason);
}
