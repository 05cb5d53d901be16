namespace LinkCheck.Core.Sites;

/// <summary>What a source file becomes on the site.</summary>
public enum PageKind
{
    /// <summary>A page rendered from markdown (or HTML with front matter).</summary>
    Page,

    /// <summary>A dated blog post (Jekyll <c>_posts</c>, Hugo/Docusaurus blog).</summary>
    Post,

    /// <summary>A document of a collection or a docs plugin (Jekyll collections with <c>output: true</c>, Docusaurus docs).</summary>
    Document,

    /// <summary>A file copied as it is (images, PDFs, raw HTML, the raw <c>.md</c> next to a rendered page).</summary>
    StaticFile,

    /// <summary>A page that only redirects to another (Hugo <c>aliases</c>, DocFX <c>redirect_url</c>).</summary>
    Redirect,
}
