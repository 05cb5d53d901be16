using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace LinkCheck.Core.Filtering;

/// <summary>
/// A list of URL patterns, built lazily. Compiling each pattern up front for .NET's non-backtracking engine cost
/// about 650 KB and 4 ms a pattern (3,000 patterns: 12 s and 2 GB before any link was looked at, even with
/// --offline); one combined non-backtracking alternation was slower still (3,000 patterns: a minute for the first
/// match). So patterns are only parsed when given (which finds syntax errors), a <see cref="LiteralIndex"/> of the
/// characters each pattern requires is built at the first URL, and a pattern is built for the backtracking
/// interpreter (microseconds, a few KB) only when a URL contains its required characters (or it has none). With
/// 30,000 patterns a URL costs microseconds instead of 8 to 16 ms (docs/reliability.md has the measurements, and
/// why a combined alternation was not kept). A pattern that exceeds its match timeout is reported as unusable and
/// not tried again: timeouts cost at most one <see cref="UrlPattern.MatchTimeout"/> per pattern in a whole run, and
/// a timed-out match is never silently taken as "no match".
/// </summary>
public sealed class PatternSet
{
    private readonly IReadOnlyList<(string Label, string Pattern)> _patterns;
    private readonly Regex?[] _single;
    private readonly ConcurrentDictionary<string, bool> _unusable = new(StringComparer.Ordinal);
    private LiteralIndex? _index;

    /// <summary>Checks the syntax of every pattern; <paramref name="option"/> names the setting in errors.</summary>
    /// <exception cref="LinkCheckConfigurationException">A pattern is not a valid regular expression.</exception>
    public PatternSet(IEnumerable<(string Label, string Pattern)> patterns, string option)
    {
        _patterns = [.. patterns];
        foreach (var (_, pattern) in _patterns)
        {
            UrlPattern.Validate(pattern, option);
        }

        _single = new Regex?[_patterns.Count];
    }

    /// <summary>How many regular expressions have been built so far (each at most once, on first use).</summary>
    internal int Built => _single.Count(r => r is not null);

    /// <summary>The number of patterns.</summary>
    public int Count => _patterns.Count;

    /// <summary>Patterns that timed out and were set aside, in the order they did.</summary>
    public IReadOnlyCollection<string> Unusable => [.. _unusable.Keys];

    /// <summary>The label of the first pattern (in the given order) that matches <paramref name="url"/>, or null.</summary>
    public string? FirstMatch(string url)
    {
        if (_patterns.Count == 0)
        {
            return null;
        }

        var index = LazyInitializer.EnsureInitialized(ref _index, () => new LiteralIndex([.. _patterns.Select(p => p.Pattern)]));
        foreach (var i in index.Candidates(url))
        {
            var (label, pattern) = _patterns[i];
            if (_unusable.ContainsKey(pattern))
            {
                continue;
            }

            var regex = Volatile.Read(ref _single[i]) ?? (_single[i] = new Regex(pattern, RegexOptions.CultureInvariant, UrlPattern.MatchTimeout));
            try
            {
                if (regex.IsMatch(url))
                {
                    return label;
                }
            }
            catch (RegexMatchTimeoutException)
            {
                _unusable.TryAdd(pattern, true);
            }
        }

        return null;
    }
}
