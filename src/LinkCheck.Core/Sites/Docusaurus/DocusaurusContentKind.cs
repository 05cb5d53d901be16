namespace LinkCheck.Core.Sites.Docusaurus;

/// <summary>The kinds of content plugin whose markdown becomes pages.</summary>
public enum DocusaurusContentKind
{
    /// <summary><c>@docusaurus/plugin-content-docs</c>.</summary>
    Docs,

    /// <summary><c>@docusaurus/plugin-content-blog</c>.</summary>
    Blog,

    /// <summary><c>@docusaurus/plugin-content-pages</c>.</summary>
    Pages,
}
