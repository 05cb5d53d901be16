namespace LinkCheck.Core.Model;

/// <summary>One site of a run, for the report header and the JSON <c>summary.sites</c>.</summary>
/// <param name="Info">The site's root, generator, origin and base URL.</param>
/// <param name="Pages">How many URLs its model publishes.</param>
/// <param name="Files">How many of the checked markdown files belong to it.</param>
public sealed record SiteSummary(SiteInfo Info, int Pages, int Files);
