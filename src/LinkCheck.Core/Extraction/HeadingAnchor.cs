namespace LinkCheck.Core.Extraction;

/// <summary>One heading of a page: its text, the id the site gives it, and the id GitHub gives it.</summary>
/// <param name="Text">The heading's plain text.</param>
/// <param name="SiteId">The id under the site generator's rules.</param>
/// <param name="GitHubId">The id GitHub gives the same heading (github-slugger), for "this site spells it differently" messages.</param>
public sealed record HeadingAnchor(string Text, string SiteId, string GitHubId);
