using LinkCheck.Core.Extraction;
using LinkCheck.Core.Model;

namespace LinkCheck.Core.Sites;

/// <summary>
/// The model of one published site, built once per run: source file -> published URL (or why it is not
/// published), published URL -> source file, each page's anchors under the generator's heading-id rules, and how a
/// link written in one of its pages resolves. <see cref="GitHub.GitHubSite"/> is the default: today's GitHub rules.
/// Generators derive from <see cref="SiteModel"/>, which implements the common resolution.
/// </summary>
public interface ISite : IPageRendering
{
    /// <summary>Where the site is, which generator, how it was found, its base URL.</summary>
    SiteInfo Info { get; }

    /// <summary>How many URLs the site publishes (pages and files), for the report header.</summary>
    int PageCount { get; }

    /// <summary>What the model could not read (a computed configuration value), for the report's notes; empty for most sites.</summary>
    IReadOnlyList<string> Notes { get; }

    /// <summary>
    /// Extraction: the text of <paramref name="documentPath"/>, a file of this site, as extraction read it (called from
    /// several threads, before <see cref="Complete"/>). A model that reads its pages' front matter keeps what it
    /// needs of it instead of reading the page a second time.
    /// </summary>
    void Observe(string documentPath, string text);

    /// <summary>
    /// After extraction: adds the pages to the model (from what was observed, reading the others); once. Until then
    /// only the rendering (<see cref="IPageRendering"/>) and <see cref="Info"/> may be used.
    /// </summary>
    void Complete();

    /// <summary>
    /// True when the links written in <paramref name="documentPath"/> reach readers through the site: a published page,
    /// or a file the generator inlines into pages (a DocFX include file, a Docusaurus partial). Links in other files
    /// (drafts, excluded files) are only ever read on GitHub and are judged by GitHub's rules.
    /// </summary>
    bool RendersLinksOf(string documentPath);

    /// <summary>Where a source file (repository path inside the site) is published, or why not.</summary>
    Publication PublicationOf(string sourcePath);

    /// <summary>What a site URL path (relative to the base path, starting with <c>/</c>) serves, or null when nothing.</summary>
    Publication? FindUrl(string sitePath);

    /// <summary>
    /// Planning: the target of <paramref name="url"/> (the destination of <paramref name="occurrence"/>, after any
    /// remap) written in <c>occurrence.Location.File</c>, a page of this site; the occurrence's kind matters
    /// because generators rewrite markdown links but not images or HTML. Returns a <see cref="TargetKind.Site"/> target carrying a <see cref="SiteLink"/> for what the model
    /// resolves, or an ordinary target (an external URL, a mail address) for the other resolvers.
    /// </summary>
    LinkTarget Interpret(string url, LinkOccurrence occurrence);

    /// <summary>
    /// Planning: the target of an absolute URL under this site's <see cref="SiteInfo.BaseUrl"/> (a link to the
    /// published site), written in any document; resolved against the model without the network.
    /// </summary>
    LinkTarget InterpretPublished(Uri url, string documentPath);

    /// <summary>Resolution: the verdict for a link this site interpreted.</summary>
    Verdict Resolve(SiteLink link, ISiteContext context);
}
