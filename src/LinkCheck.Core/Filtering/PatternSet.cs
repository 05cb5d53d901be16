using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace LinkCheck.Core.Filtering;

/// <summary>
/// A list of URL patterns, built lazily. Compiling each pattern up front for .NET's non-backtracking engine cost
/// about 650 KB and 4 ms a pattern (3,000 patterns: 12 s and 2 GB before any link was looked at, even with
/// --offline); one combined non-backtracking alternation was tried and is slower still (3,000 patterns: a minute
/// for the first match). So patterns are only parsed when given (which finds syntax errors), and each is built
/// for the backtracking interpreter (microseconds, a few KB) when a URL first reaches it. A pattern that exceeds
/// its match timeout is reported as unusable and not tried again: timeouts cost at most one
/// <see cref="UrlPattern.MatchTimeout"/> per pattern in a whole run, and a timed-out match is never silently
/// taken as "no match".
/// </summary>
public sealed class PatternSet
{
    private readonly IReadOnlyList<(string Label, string Pattern)> _patterns;
    private readonly Regex?[] _single;
    private readonly ConcurrentDictionary<string, bool> _unusable = new(StringComparer.Ordinal);

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

        for (var i = 0; i < _patterns.Count; i++)
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
