using System.Net;
using System.Text.RegularExpressions;
using LinkCheck.Core.Model;

namespace LinkCheck.Core.Filtering;

/// <summary>
/// Decides which links the user asked not to check. An excluded link is still reported, with status
/// <see cref="LinkStatus.Excluded"/> and the reason, so nothing disappears silently.
/// <list type="bullet">
/// <item><c>--include</c>: when given, only URLs matching one of these are checked; a match wins over every exclusion.</item>
/// <item><c>--exclude</c>: URLs matching one of these are not checked.</item>
/// <item><c>--exclude-private</c>: http(s) URLs whose host is a private address (RFC 1918, RFC 4193) or link-local
/// (RFC 3927, RFC 4291); <c>--exclude-loopback</c>: <c>localhost</c> and loopback addresses. Host names are not
/// resolved: the rule looks at the host as written.</item>
/// </list>
/// Patterns are .NET regular expressions matched anywhere in the URL as written.
/// </summary>
public sealed class LinkFilter
{
    private readonly PatternSet _include;
    private readonly PatternSet _exclude;
    private readonly PatternSet _ignoreFile;
    private readonly bool _excludePrivate;
    private readonly bool _excludeLoopback;
    private readonly HashSet<string> _schemes;

    private LinkFilter(PatternSet include, PatternSet exclude, bool excludePrivate, bool excludeLoopback, IEnumerable<string>? schemes, PatternSet? ignoreFile = null)
    {
        _schemes = new HashSet<string>((schemes ?? []).Select(s => s.Trim().TrimEnd(':')), StringComparer.OrdinalIgnoreCase);
        _include = include;
        _exclude = exclude;
        _ignoreFile = ignoreFile ?? new PatternSet([], "ignore");
        _excludePrivate = excludePrivate;
        _excludeLoopback = excludeLoopback;
    }

    /// <summary>A filter that excludes nothing.</summary>
    public static LinkFilter None { get; } = new(new PatternSet([], "include"), new PatternSet([], "exclude"), false, false, null);

    /// <summary>Checks the patterns (they are compiled, as one matcher, on first use).</summary>
    /// <exception cref="LinkCheckConfigurationException">A pattern is not a valid regular expression.</exception>
    public static LinkFilter Create(IEnumerable<string> excludePatterns, IEnumerable<string>? includePatterns = null, bool excludePrivate = false, bool excludeLoopback = false, IEnumerable<string>? schemes = null) =>
        new(
            new PatternSet((includePatterns ?? []).Select(p => (p, p)), "include"),
            new PatternSet(excludePatterns.Select(p => ($"excluded by --exclude '{p}'", p)), "exclude"),
            excludePrivate,
            excludeLoopback,
            schemes);

    /// <summary>Patterns that timed out on some URL and were set aside for the rest of the run.</summary>
    public IReadOnlyList<string> UnusablePatterns => [.. _include.Unusable, .. _exclude.Unusable, .. _ignoreFile.Unusable];

    /// <summary>The same filter, plus the patterns of a <c>.linkcheckignore</c> file (one regular expression a line).</summary>
    /// <exception cref="LinkCheckConfigurationException">A line is not a valid regular expression (the message names the line).</exception>
    public LinkFilter WithIgnoreFile(string path, string displayName) =>
        WithIgnorePatterns(IgnoreFileLines.Linkcheck(File.ReadLines(path)), displayName);

    /// <summary>The same filter, plus an ignore file's patterns (see <see cref="IgnoreFileLines"/>), each excluding as "line N" of it.</summary>
    /// <exception cref="LinkCheckConfigurationException">A line is not a valid regular expression (the message names the line).</exception>
    public LinkFilter WithIgnorePatterns(IReadOnlyList<(int Line, string Pattern)> lines, string displayName)
    {
        var patterns = new List<(string, string)>();
        foreach (var (number, line) in lines)
        {
            try
            {
                UrlPattern.Validate(line, displayName);
            }
            catch (LinkCheckConfigurationException e)
            {
                throw new LinkCheckConfigurationException($"{displayName}:{number}: {e.Message}", e);
            }

            patterns.Add(($"excluded by {displayName} line {number}", line));
        }

        return new LinkFilter(_include, _exclude, _excludePrivate, _excludeLoopback, _schemes, new PatternSet(patterns, displayName));
    }

    /// <summary>Why <paramref name="occurrence"/> is excluded, or null when it is to be checked.</summary>
    public string? ExclusionReason(LinkOccurrence occurrence)
    {
        var url = occurrence.Url;
        if (_schemes.Count > 0 && SchemeOf(url) is { } scheme && !_schemes.Contains(scheme))
        {
            return $"scheme '{scheme}' not selected by --scheme {string.Join(",", _schemes.Order(StringComparer.Ordinal))}";
        }

        if (_include.Count > 0)
        {
            return _include.FirstMatch(url) is null ? "not matched by any --include pattern" : null;
        }

        if (_exclude.FirstMatch(url) is { } excluded)
        {
            return excluded;
        }

        if (_ignoreFile.FirstMatch(url) is { } ignored)
        {
            return ignored;
        }

        if ((_excludePrivate || _excludeLoopback) && HostOf(url) is { } host)
        {
            if (_excludeLoopback && IsLoopback(host))
            {
                return "loopback address, excluded by --exclude-loopback";
            }

            if (_excludePrivate && IsPrivate(host))
            {
                return "private address, excluded by --exclude-private";
            }
        }

        return null;
    }

    /// <summary>The scheme of an absolute URL (RFC 3986 §3.1: a letter, then letters, digits, '+', '-', '.'), else null.</summary>
    private static string? SchemeOf(string url)
    {
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !char.IsAsciiLetter(url[0]))
        {
            return null;
        }

        for (var i = 1; i < colon; i++)
        {
            if (!(char.IsAsciiLetterOrDigit(url[i]) || url[i] is '+' or '-' or '.'))
            {
                return null;
            }
        }

        return url[..colon].ToLowerInvariant();
    }

    // A trailing dot names the same host as an absolute domain name (RFC 1034 §3.1): "localhost." is localhost.
    private static string? HostOf(string url) =>
        (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        && Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.IdnHost.Trim('[', ']').TrimEnd('.') : null;

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));

    private static bool IsPrivate(string host)
    {
        if (!IPAddress.TryParse(host, out var address))
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] == 10 || (b[0] == 172 && b[1] is >= 16 and <= 31) || (b[0] == 192 && b[1] == 168) || (b[0] == 169 && b[1] == 254);
        }

        // fc00::/7 unique local, fe80::/10 link-local.
        var bytes = address.GetAddressBytes();
        return (bytes[0] & 0xFE) == 0xFC || address.IsIPv6LinkLocal;
    }
}
