using System.Text.RegularExpressions;
using LinkCheck.Core.Model;

namespace LinkCheck.Core.Filtering;

/// <summary>
/// Decides which links the user asked not to check. An excluded link is still reported, with status
/// <see cref="LinkStatus.Excluded"/> and the reason, so nothing disappears silently.
/// </summary>
public sealed class LinkFilter
{
    private readonly IReadOnlyList<(string Source, Regex Regex)> _exclude;

    private LinkFilter(IReadOnlyList<(string, Regex)> exclude) => _exclude = exclude;

    /// <summary>A filter that excludes nothing.</summary>
    public static LinkFilter None { get; } = new([]);

    /// <summary>Compiles the <c>--exclude</c> patterns (.NET regular expressions, matched anywhere in the URL).</summary>
    /// <exception cref="LinkCheckConfigurationException">A pattern is not a valid regular expression.</exception>
    public static LinkFilter Create(IEnumerable<string> excludePatterns) =>
        new([.. excludePatterns.Select(p => (p, UrlPattern.Compile(p, "--exclude")))]);

    /// <summary>Why <paramref name="occurrence"/> is excluded, or null when it is to be checked.</summary>
    public string? ExclusionReason(LinkOccurrence occurrence)
    {
        foreach (var (source, regex) in _exclude)
        {
            if (UrlPattern.IsMatch(regex, occurrence.Url))
            {
                return $"excluded by --exclude '{source}'";
            }
        }

        return null;
    }
}
