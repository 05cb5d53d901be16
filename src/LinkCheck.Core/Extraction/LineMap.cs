namespace LinkCheck.Core.Extraction;

/// <summary>
/// Turns character offsets in a document into 1-based line and column numbers. Line endings are LF, CRLF
/// or a lone CR, as CommonMark §2.1 defines them.
/// </summary>
public sealed class LineMap
{
    private readonly int[] _lineStarts;

    /// <summary>Indexes the line starts of <paramref name="text"/>.</summary>
    public LineMap(string text)
    {
        var starts = new List<int>(Math.Max(16, text.Length / 40)) { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n' || (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                starts.Add(i + 1);
            }
        }

        _lineStarts = [.. starts];
        Length = text.Length;
    }

    /// <summary>The length of the indexed text.</summary>
    public int Length { get; }

    /// <summary>The number of lines (a final line ending does not start a new counted line).</summary>
    public int LineCount =>
        _lineStarts.Length > 1 && _lineStarts[^1] == Length ? _lineStarts.Length - 1 : _lineStarts.Length;

    /// <summary>The 1-based line and column of <paramref name="offset"/>.</summary>
    public (int Line, int Column) Locate(int offset)
    {
        offset = Math.Clamp(offset, 0, Length);
        var index = Array.BinarySearch(_lineStarts, offset);
        if (index < 0)
        {
            index = ~index - 1;
        }

        return (index + 1, offset - _lineStarts[index] + 1);
    }
}
