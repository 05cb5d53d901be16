namespace LinkCheck.Core.Model;

/// <summary>
/// Markdown read from standard input (the path <c>-</c>): checked as if it were a file in <paramref name="Directory"/>
/// (its relative links start there, as they would for a file saved where the user stands), and reported as
/// <see cref="Name"/> in every report. The bytes are decoded by the same rules as a file's (UTF-8, else
/// Windows-1252 or UTF-16 with a warning; binary content is an error).
/// </summary>
/// <param name="Directory">The absolute folder the text is read as part of (the current directory); inside the root.</param>
/// <param name="Content">The bytes read, at most one more than the size limit (so a larger input is reported as too large).</param>
public sealed record StandardInputDocument(string Directory, ReadOnlyMemory<byte> Content)
{
    /// <summary>What reports call it, as lychee and most Unix tools do.</summary>
    public const string Name = "<stdin>";

    /// <summary>
    /// Its repository path while it is checked: <see cref="Name"/> in <paramref name="folder"/> (<c>docs/&lt;stdin&gt;</c>),
    /// so relative links, and the planner's and the sites' rules that start from a file's folder, start from there.
    /// </summary>
    internal static string PathIn(string folder) => folder.Length == 0 ? Name : folder + "/" + Name;

    /// <summary>A location in it, as reports show it: <see cref="Name"/> instead of its path while checked.</summary>
    internal static SourceLocation Displayed(SourceLocation location, string checkedAs) =>
        location.File == checkedAs ? location with { File = Name } : location;
}
