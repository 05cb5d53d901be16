using System.Text.RegularExpressions;
using LinkCheck.Core.Filtering;

namespace LinkCheck.Core.Planning;

/// <summary>
/// <c>--remap 'REGEX REPLACEMENT'</c>: rewrites URLs before they are checked (a staging host for production, a
/// local mirror). The first matching rule applies; <c>$1</c> and named groups work as in .NET's Regex.Replace.
/// The report still shows the URL as written.
/// </summary>
public sealed class UrlRemapper
{
    private readonly IReadOnlyList<(Regex Pattern, string Replacement)> _rules;

    private UrlRemapper(IReadOnlyList<(Regex, string)> rules) => _rules = rules;

    /// <summary>True when there are no rules.</summary>
    public bool IsEmpty => _rules.Count == 0;

    /// <summary>Parses rules written as <c>REGEX REPLACEMENT</c> (separated by the last run of spaces).</summary>
    /// <exception cref="LinkCheckConfigurationException">A rule has no replacement or an invalid pattern.</exception>
    /// <param name="rules">The rules.</param>
    /// <param name="source">Where the rules come from (an option, a configuration key), to start the error message.</param>
    public static UrlRemapper Create(IEnumerable<string> rules, string source = "remap")
    {
        var parsed = new List<(Regex, string)>();
        foreach (var rule in rules)
        {
            var trimmed = rule.Trim();
            var space = trimmed.LastIndexOf(' ');
            if (space <= 0)
            {
                throw new LinkCheckConfigurationException($"{source} '{rule}': expected 'REGEX REPLACEMENT'");
            }

            parsed.Add((UrlPattern.Compile(trimmed[..space].TrimEnd(), source), trimmed[(space + 1)..]));
        }

        return new UrlRemapper(parsed);
    }

    /// <summary>The URL to check for <paramref name="url"/>.</summary>
    public string Apply(string url)
    {
        foreach (var (pattern, replacement) in _rules)
        {
            try
            {
                if (pattern.IsMatch(url))
                {
                    return pattern.Replace(url, replacement, 1);
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // A pathological pattern on this URL: leave it as written.
            }
        }

        return url;
    }
}
