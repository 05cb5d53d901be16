using LinkCheck.Core.Extraction;

namespace LinkCheck.Core.Sites;

/// <summary>What resolution lends a site: the anchors of any file, computed once per run.</summary>
public interface ISiteContext
{
    /// <summary>
    /// The anchors of the file at <paramref name="repositoryPath"/> as <paramref name="site"/> renders it (heading ids
    /// from its slugger, with its template tags masked); for an HTML file, its <c>id</c>/<c>name</c> attributes.
    /// </summary>
    PageAnchors AnchorsOf(ISite site, string repositoryPath);

    /// <summary>The candidate most like <paramref name="value"/> (a likely typo), or null: resolution's own measure.</summary>
    string? Closest(string value, IEnumerable<string> candidates);
}
