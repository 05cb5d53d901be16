namespace LinkCheck.Core.Filtering;

/// <summary>
/// Which patterns of a list can match a URL at all, without running them: each pattern with a
/// <see cref="RequiredLiteral"/> is filed under the rarest three-character piece of that literal, and a URL reaches
/// only the patterns filed under a piece it contains and whose whole literal it contains; patterns without a
/// literal are always tried. Building it reads each pattern's text once; looking up a URL costs one dictionary probe
/// per character of the URL plus the candidates, whatever the number of patterns.
/// </summary>
internal sealed class LiteralIndex
{
    private const int PieceLength = 3;

    private readonly RequiredLiteral?[] _literals;
    private readonly int[] _always;
    private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _exact;
    private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _folded;
    private readonly bool _anyFolded;

    public LiteralIndex(IReadOnlyList<string> patterns)
    {
        _literals = new RequiredLiteral?[patterns.Count];
        var always = new List<int>();
        var frequency = new Dictionary<(string, bool), int>();
        for (var i = 0; i < patterns.Count; i++)
        {
            var literal = RequiredLiteral.Of(patterns[i]);
            if (literal is null || literal.Text.Length < PieceLength)
            {
                always.Add(i);
                continue;
            }

            _literals[i] = literal;
            foreach (var piece in Pieces(literal.Text).Distinct(StringComparer.Ordinal))
            {
                frequency[(piece, literal.IgnoreCase)] = frequency.GetValueOrDefault((piece, literal.IgnoreCase)) + 1;
            }
        }

        var exact = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var folded = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < _literals.Length; i++)
        {
            if (_literals[i] is not { } literal)
            {
                continue;
            }

            var rarest = Pieces(literal.Text).MinBy(p => frequency[(p, literal.IgnoreCase)])!;
            var files = literal.IgnoreCase ? folded : exact;
            if (!files.TryGetValue(rarest, out var list))
            {
                files[rarest] = list = [];
            }

            list.Add(i);
        }

        _always = [.. always];
        _anyFolded = folded.Count > 0;
        _exact = exact.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _folded = folded.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>How many patterns have a literal (the rest are tried on every URL).</summary>
    public int Indexed => _literals.Length - _always.Length;

    /// <summary>The patterns that may match <paramref name="url"/>, in their given order.</summary>
    public List<int> Candidates(string url)
    {
        var found = new List<int>(_always.Length + 4);
        Collect(url, _exact, found);
        if (_anyFolded)
        {
            Collect(url.ToLowerInvariant(), _folded, found);
        }

        if (found.Count == 0)
        {
            return [.. _always];
        }

        found.AddRange(_always);
        found.Sort();
        var distinct = 0;
        for (var i = 0; i < found.Count; i++)
        {
            if (distinct == 0 || found[i] != found[distinct - 1])
            {
                found[distinct++] = found[i];
            }
        }

        found.RemoveRange(distinct, found.Count - distinct);
        return found;
    }

    private void Collect(string text, Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> files, List<int> found)
    {
        for (var start = 0; start + PieceLength <= text.Length; start++)
        {
            if (!files.TryGetValue(text.AsSpan(start, PieceLength), out var patterns))
            {
                continue;
            }

            foreach (var i in patterns)
            {
                if (text.Contains(_literals[i]!.Text, StringComparison.Ordinal))
                {
                    found.Add(i);
                }
            }
        }
    }

    private static IEnumerable<string> Pieces(string text)
    {
        for (var start = 0; start + PieceLength <= text.Length; start++)
        {
            yield return text.Substring(start, PieceLength);
        }
    }
}
