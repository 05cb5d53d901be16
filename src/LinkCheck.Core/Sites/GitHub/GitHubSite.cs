using LinkCheck.Core.Extraction;
using LinkCheck.Core.Model;
using LinkCheck.Core.Planning;

namespace LinkCheck.Core.Sites.GitHub;

/// <summary>
/// The default site: markdown as GitHub renders it in the repository view. Links are parsed as before
/// (<see cref="LinkTargetParser"/>) and left to the file, fragment, GitHub and HTTP resolvers, unchanged: a
/// repository without a site is judged exactly as it was before sites existed.
/// </summary>
public sealed class GitHubSite : ISite
{
    private GitHubSite()
    {
    }

    /// <summary>The one default site.</summary>
    public static GitHubSite Instance { get; } = new();

    /// <inheritdoc />
    public SiteInfo Info { get; } = new(string.Empty, SiteRegistry.GitHubName, null, SiteOrigin.Default);

    /// <inheritdoc />
    public int PageCount => 0;

    /// <inheritdoc />
    public ITemplateTagReader? Tags => null;

    /// <inheritdoc />
    public IReadOnlyList<string> Notes => [];

    /// <inheritdoc />
    public IHeadingSlugger CreateSlugger() => new GitHubSlugger();

    /// <inheritdoc />
    public IEnumerable<string> FootnoteIds(string label) => ["fn-" + label, "fnref-" + label];

    /// <inheritdoc />
    public void Observe(string documentPath, string text)
    {
    }

    /// <inheritdoc />
    public void Complete()
    {
    }

    /// <inheritdoc />
    public bool RendersLinksOf(string documentPath) => true;

    /// <inheritdoc />
    public Publication PublicationOf(string sourcePath) => Publication.At(sourcePath, "/" + sourcePath, PageKind.Page);

    /// <inheritdoc />
    public Publication? FindUrl(string sitePath) => null;

    /// <inheritdoc />
    public LinkTarget Interpret(string url, LinkOccurrence occurrence) => LinkTargetParser.Parse(url, occurrence.Location.File);

    /// <inheritdoc />
    public LinkTarget InterpretPublished(Uri url, string documentPath) => LinkTargetParser.Parse(url.OriginalString, documentPath);

    /// <inheritdoc />
    public Verdict Resolve(SiteLink link, ISiteContext context) =>
        link.Decided ?? Verdict.Skipped($"'{link.Written}' is not resolved by the GitHub rules");
}
