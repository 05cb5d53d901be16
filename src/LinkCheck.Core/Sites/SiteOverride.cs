namespace LinkCheck.Core.Sites;

/// <summary>
/// A site named by the user (<c>sites:</c> in <c>.linkcheck.yml</c>, <c>--site generator=DIR</c>): it replaces what
/// detection finds at that root. The generator <c>github</c> (or <c>none</c>) makes the folder GitHub-rendered.
/// </summary>
/// <param name="Root">The site's root folder, repository-relative (empty or <c>.</c> for the root).</param>
/// <param name="Generator">A generator name from <see cref="SiteRegistry"/>, or <c>github</c>/<c>none</c>.</param>
/// <param name="BaseUrl">The absolute address the site is published at, or null to take it from the generator's configuration.</param>
public sealed record SiteOverride(string Root, string Generator, Uri? BaseUrl = null)
{
    /// <summary>The root normalised: <c>/</c>-separated, no leading <c>./</c> or trailing <c>/</c>, empty for the repository root.</summary>
    public string NormalizedRoot
    {
        get
        {
            var root = Root.Replace('\\', '/').Trim();
            while (root.StartsWith("./", StringComparison.Ordinal))
            {
                root = root[2..];
            }

            root = root.Trim('/');
            return root == "." ? string.Empty : root;
        }
    }
}
