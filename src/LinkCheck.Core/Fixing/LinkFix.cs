using LinkCheck.Core.Model;

namespace LinkCheck.Core.Fixing;

/// <summary>One rewrite of a link destination: where it is written, what it says and what it will say.</summary>
/// <param name="Location">The destination as written (for a reference link, in its definition).</param>
/// <param name="Before">The destination now.</param>
/// <param name="After">The destination after the fix.</param>
/// <param name="Result">The finding the fix answers.</param>
public sealed record LinkFix(SourceLocation Location, string Before, string After, LinkResult Result);

/// <summary>One line a fix changes.</summary>
/// <param name="Line">The 1-based line number.</param>
/// <param name="Before">The line now, without its line ending.</param>
/// <param name="After">The line after the fixes on it.</param>
/// <param name="Fixes">The fixes on the line, left to right.</param>
public sealed record LineChange(int Line, string Before, string After, IReadOnlyList<LinkFix> Fixes);

/// <summary>The changes to one file.</summary>
/// <param name="Path">The repository-relative path.</param>
/// <param name="Lines">Every line of the file now, without line endings (for diff context).</param>
/// <param name="Changes">The changed lines, in order.</param>
public sealed record FilePatch(string Path, IReadOnlyList<string> Lines, IReadOnlyList<LineChange> Changes);

/// <summary>A fixable finding left alone, and why (the destination is written with escapes, the fix cannot be written there, ...).</summary>
/// <param name="Result">The finding.</param>
/// <param name="Reason">Why it is not rewritten.</param>
public sealed record SkippedFix(LinkResult Result, string Reason);

/// <summary>Everything <c>--fix</c> would change.</summary>
/// <param name="Files">The files, in path order.</param>
/// <param name="Skipped">Fixable findings that could not be rewritten safely.</param>
public sealed record FixPlan(IReadOnlyList<FilePatch> Files, IReadOnlyList<SkippedFix> Skipped)
{
    /// <summary>The number of destinations rewritten.</summary>
    public int FixCount => Files.Sum(f => f.Changes.Sum(c => c.Fixes.Count));

    /// <summary>The fixes, file by file and line by line.</summary>
    public IEnumerable<LinkFix> Fixes => Files.SelectMany(f => f.Changes).SelectMany(c => c.Fixes);
}
