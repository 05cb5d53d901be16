namespace LinkCheck.Core.Extraction;

/// <summary>
/// How a site turns a page's markdown into HTML, as far as extraction needs it: the template tags evaluated
/// before the markdown is parsed, and the ids headings and footnotes get. Every site model
/// (<c>Sites.ISite</c>) is one; GitHub rendering needs none (extraction's own rules are GitHub's).
/// </summary>
public interface IPageRendering
{
    /// <summary>The template tags the markdown may hold, or null.</summary>
    ITemplateTagReader? Tags { get; }

    /// <summary>A fresh slugger for one document under the site's heading-id rules.</summary>
    IHeadingSlugger CreateSlugger();

    /// <summary>The ids a footnote with this label gets (GitHub: <c>fn-x</c>, <c>fnref-x</c>; kramdown: <c>fn:x</c>, <c>fnref:x</c>).</summary>
    IEnumerable<string> FootnoteIds(string label);
}
