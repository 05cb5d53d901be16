namespace LinkCheck.Core.Extraction;

/// <summary>
/// The anchors a document offers: heading ids (github-slugger), explicit <c>id</c>/<c>name</c> attributes in
/// its HTML, and footnote ids. Looked up exactly first, then case-insensitively, because GitHub's page script
/// finds a heading whatever the case of the fragment (but other renderers do not, so that is a warning).
/// </summary>
public sealed class AnchorIndex
{
    private readonly HashSet<string> _exact;
    private Dictionary<string, string>? _folded;

    /// <summary>Creates an index over <paramref name="anchors"/>, in document order.</summary>
    public AnchorIndex(IEnumerable<string> anchors)
    {
        _exact = new HashSet<string>(StringComparer.Ordinal);
        var ordered = new List<string>();
        foreach (var anchor in anchors)
        {
            if (_exact.Add(anchor))
            {
                ordered.Add(anchor);
            }
        }

        Anchors = ordered;
    }

    /// <summary>An index with no anchors.</summary>
    public static AnchorIndex Empty { get; } = new([]);

    /// <summary>Every anchor, in document order.</summary>
    public IReadOnlyList<string> Anchors { get; }

    /// <summary>True when <paramref name="fragment"/> names an anchor exactly.</summary>
    public bool Contains(string fragment) => _exact.Contains(fragment);

    /// <summary>The anchor that equals <paramref name="fragment"/> ignoring case, if any (the first in document order).</summary>
    public string? FindIgnoringCase(string fragment)
    {
        // Built on the first miss only: most documents are never asked.
        var folded = Volatile.Read(ref _folded);
        if (folded is null)
        {
            folded = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var anchor in Anchors)
            {
                folded.TryAdd(anchor, anchor);
            }

            Volatile.Write(ref _folded, folded);
        }

        return folded.GetValueOrDefault(fragment);
    }
}
