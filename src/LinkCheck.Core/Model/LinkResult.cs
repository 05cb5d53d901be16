namespace LinkCheck.Core.Model;

/// <summary>
/// The verdict for one occurrence of a link, or for a whole file that could not be checked
/// (then <see cref="Url"/> and <see cref="Kind"/> are null and the status is <see cref="LinkStatus.Error"/>).
/// </summary>
/// <param name="Location">Where the link is written (or line 1 of the file, for a file error).</param>
/// <param name="Url">The destination as written, or null for a file error.</param>
/// <param name="Text">The link text; empty for a file error.</param>
/// <param name="Kind">The syntax of the link, or null for a file error.</param>
/// <param name="Status">The verdict.</param>
/// <param name="Message">Why, in one sentence; null when the link is simply OK.</param>
/// <param name="Suggestion">A replacement for <see cref="Url"/> that would work, when one is known.</param>
public sealed record LinkResult(
    SourceLocation Location,
    string? Url,
    string Text,
    LinkKind? Kind,
    LinkStatus Status,
    string? Message,
    string? Suggestion)
{
    /// <summary>Why, as a stable code (<see cref="FindingCode"/>); null for OK, skipped and excluded links.</summary>
    public string? Code { get; init; }

    /// <summary>
    /// True when <see cref="Suggestion"/> is the only possible fix (see <see cref="Model.Suggestion.IsCertain"/>),
    /// so <c>--fix</c> and the pull request's suggested changes may apply it.
    /// </summary>
    public bool Fixable { get; init; }

    /// <summary>What was seen, for verbose output: "200, 52 ms" for a fetched page; not part of the verdict.</summary>
    public string? Detail { get; init; }

    /// <summary>The normalised target this occurrence was checked as (one check per target), or null when it was not checked.</summary>
    public string? TargetKey { get; init; }

    /// <summary>Where the destination is written when not at <see cref="Location"/> (a reference link's definition).</summary>
    public SourceLocation? Destination { get; init; }

    /// <summary>Creates the result for one occurrence of a link.</summary>
    public static LinkResult For(LinkOccurrence occurrence, LinkStatus status, string? message, string? suggestion = null, string? code = null) =>
        new(occurrence.Location, occurrence.Url, occurrence.Text, occurrence.Kind, status, message, suggestion) { Code = code, Destination = occurrence.Destination };

    /// <summary>Creates the result for a file that could not be checked.</summary>
    public static LinkResult FileError(SourceLocation location, string message) =>
        new(location, null, string.Empty, null, LinkStatus.Error, message, null) { Code = FindingCode.FileError };

    /// <summary>Creates a warning about a whole file (it was checked, but something about it needs attention).</summary>
    public static LinkResult FileWarning(SourceLocation location, string message, string code) =>
        new(location, null, string.Empty, null, LinkStatus.Warning, message, null) { Code = code };

    /// <summary>True for the statuses that always fail a run: broken links and file errors.</summary>
    public bool IsFailure => Status is LinkStatus.Broken or LinkStatus.Error;
}
