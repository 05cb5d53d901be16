namespace LinkCheck.Core.Changes;

/// <summary>How a file changed.</summary>
public enum ChangeKind
{
    /// <summary>New file.</summary>
    Added,

    /// <summary>Edited in place.</summary>
    Modified,

    /// <summary>Deleted.</summary>
    Removed,

    /// <summary>Moved (possibly edited too).</summary>
    Renamed,
}

/// <summary>One changed file.</summary>
/// <param name="Path">The path after the change (for removed files, the path it had).</param>
/// <param name="Kind">What happened to it.</param>
/// <param name="PreviousPath">For renamed files, the old path.</param>
/// <param name="RemovedHeadings">Heading ids the change removed or renamed (from the diff's removed heading lines).</param>
public sealed record ChangedFile(string Path, ChangeKind Kind, string? PreviousPath = null, IReadOnlyList<string>? RemovedHeadings = null);

/// <summary>The files a pull request (or <c>--changed-since REF</c>) changed, and where the list came from.</summary>
/// <param name="Files">The changed files.</param>
/// <param name="Source">Where the list came from, for the report ("pull request #12", "git diff main...").</param>
public sealed record ChangeSet(IReadOnlyList<ChangedFile> Files, string Source);
