namespace LinkCheck.Core.Model;

/// <summary>
/// A normalised link destination: what is checked once, however many occurrences share it.
/// Two occurrences share a target when their <see cref="Key"/> is equal.
/// </summary>
public sealed record LinkTarget
{
    /// <summary>What kind of destination this is.</summary>
    public required TargetKind Kind { get; init; }

    /// <summary>The identity used to check each distinct target once (e.g. <c>docs/setup.md#install</c>).</summary>
    public required string Key { get; init; }

    /// <summary>For local targets: the repository-relative path after percent-decoding, <c>/</c>-separated, empty for the root.</summary>
    public string? Path { get; init; }

    /// <summary>The fragment after percent-decoding, without <c>#</c>; null when the link has none.</summary>
    public string? Fragment { get; init; }

    /// <summary>The query without <c>?</c>; null when the link has none. Ignored for files, except GitHub's <c>plain=1</c>.</summary>
    public string? Query { get; init; }

    /// <summary>For local targets: the path climbs above the repository root.</summary>
    public bool EscapesRoot { get; init; }

    /// <summary>
    /// True when a local path is written as a folder (<c>a.md/</c>): a file named so does not exist on disk
    /// (ENOTDIR) nor on GitHub (404), so only a folder satisfies it.
    /// </summary>
    public bool AsFolder { get; init; }

    /// <summary>For http, mail and other schemes: the absolute URL (fragment removed for http).</summary>
    public Uri? Uri { get; init; }

    /// <summary>For other schemes: the scheme, lower-cased.</summary>
    public string? Scheme { get; init; }

    /// <summary>For invalid targets: what is wrong with the destination.</summary>
    public string? Problem { get; init; }

    /// <summary>For <see cref="TargetKind.Site"/> targets: the link as the site's model interpreted it (a <c>Sites.SiteLink</c>).</summary>
    public SiteTarget? Site { get; init; }

    /// <summary>The URL to use in messages: the key for local targets, the absolute URL otherwise.</summary>
    public override string ToString() => Key;
}
