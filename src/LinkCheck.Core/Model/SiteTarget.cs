namespace LinkCheck.Core.Model;

/// <summary>
/// What a site's model decided about a link at planning, carried by a <see cref="TargetKind.Site"/> target to
/// resolution. The model comes after the model types in the pipeline, so this is only the base: the Sites stage
/// defines the content (<c>Sites.SiteLink</c>).
/// </summary>
public abstract record SiteTarget;
