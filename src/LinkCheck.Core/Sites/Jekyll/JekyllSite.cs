namespace LinkCheck.Core.Sites.Jekyll;

/// <summary>The model of a Jekyll site (see the README's Jekyll section).</summary>
public sealed class JekyllSite : SiteModel
{
    /// <summary>Builds the model from the site's configuration and front matter.</summary>
    public JekyllSite(SiteSource source)
        : base(source.Info)
    {
        foreach (var file in source.Files)
        {
            var relative = Info.RelativePath(file);
            Publish(file, "/" + (relative.EndsWith(".md", StringComparison.Ordinal) ? relative[..^3] + ".html" : relative), relative.EndsWith(".md", StringComparison.Ordinal) ? PageKind.Page : PageKind.StaticFile);
        }
    }

    /// <inheritdoc />
    public override IHeadingSlugger CreateSlugger() => new KramdownSlugger();

    /// <inheritdoc />
    public override IEnumerable<string> FootnoteIds(string label) => ["fn:" + label, "fnref:" + label];
}
