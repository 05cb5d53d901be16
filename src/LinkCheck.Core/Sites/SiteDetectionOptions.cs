namespace LinkCheck.Core.Sites;

/// <summary>What site detection looks at.</summary>
/// <param name="RepositoryRoot">The repository root on disk (absolute).</param>
/// <param name="Files">Every file of the repository (repository-relative, not ignored by git).</param>
/// <param name="Detect">False for <c>--site none</c>: only the configured sites, no detection.</param>
/// <param name="Overrides">Sites named by the user; they win over detection at their root.</param>
/// <param name="Now">The time of the run.</param>
public sealed record SiteDetectionOptions(
    string RepositoryRoot,
    IReadOnlyList<string> Files,
    bool Detect,
    IReadOnlyList<SiteOverride> Overrides,
    DateTimeOffset Now)
{
    /// <summary>
    /// True to leave the sites incomplete (only their configuration read): the caller shows them their pages during
    /// extraction (<see cref="SiteMap.Observe"/>) and then calls <see cref="SiteMap.Complete"/>, so no page is read twice.
    /// </summary>
    public bool PagesAfterExtraction { get; init; }
}
