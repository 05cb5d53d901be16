namespace LinkCheck.Core.Model;

/// <summary>
/// Where a link's destination is written. Lines and columns are 1-based; columns count UTF-16 code units
/// (as VS Code and GitHub annotations do) and a tab counts as one column. <see cref="EndColumn"/> is the
/// column of the destination's last character, inclusive, on the same line as <see cref="Line"/>
/// (or on the line where the destination ends, for the rare destination that spans lines).
/// </summary>
public readonly record struct SourceLocation(string File, int Line, int Column, int EndColumn)
{
    /// <summary>The location of a whole-file problem: line 1, column 1.</summary>
    public static SourceLocation StartOf(string file) => new(file, 1, 1, 1);

    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}:{Column}";
}
