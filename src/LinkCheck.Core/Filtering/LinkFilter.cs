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
    private readonly IReadOnlyList<(string Source, Regex Regex)> _include;
    private readonly IReadOnlyList<(string Source, Regex Regex)> _exclude;
    private readonly IReadOnlyList<(string Reason, Regex Regex)> _ignoreFile;
    private readonly bool _excludePrivate;
    private readonly bool _excludeLoopback;

    private LinkFilter(IReadOnlyList<(string, Regex)> include, IReadOnlyList<(string, Regex)> exclude, bool excludePrivate, bool excludeLoopback, IReadOnlyList<(string, Regex)>? ignoreFile = null)
    {
        _include = include;
        _exclude = exclude;
        _ignoreFile = ignoreFile ?? [];
        _excludePrivate = excludePrivate;
        _excludeLoopback = excludeLoopback;
    }

    /// <summary>A filter that excludes nothing.</summary>
    public static LinkFilter None { get; } = new([], [], false, false);

    /// <summary>Compiles the patterns.</summary>
    /// <exception cref="LinkCheckConfigurationException">A pattern is not a valid regular expression.</exception>
    public static LinkFilter Create(IEnumerable<string> excludePatterns, IEnumerable<string>? includePatterns = null, bool excludePrivate = false, bool excludeLoopback = false) =>
        new(
            [.. (includePatterns ?? []).Select(p => (p, UrlPattern.Compile(p, "include")))],
            [.. excludePatterns.Select(p => (p, UrlPattern.Compile(p, "exclude")))],
            excludePrivate,
            excludeLoopback);

    /// <summary>The same filter, plus the patterns of a <c>.linkcheckignore</c> file (one regular expression a line).</summary>
    /// <exception cref="LinkCheckConfigurationException">A line is not a valid regular expression (the message names the line).</exception>
    public LinkFilter WithIgnoreFile(string path, string displayName)
    {
        var patterns = new List<(string, Regex)>();
        var number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            try
            {
                patterns.Add(($"excluded by {displayName} line {number}", UrlPattern.Compile(line, displayName)));
            }
            catch (LinkCheckConfigurationException e)
            {
                throw new LinkCheckConfigurationException($"{displayName}:{number}: {e.Message}", e);
            }
        }

        return new LinkFilter(_include, _exclude, _excludePrivate, _excludeLoopback, [.. _ignoreFile, .. patterns]);
    }

    /// <summary>Why <paramref name="occurrence"/> is excluded, or null when it is to be checked.</summary>
    public string? ExclusionReason(LinkOccurrence occurrence)
    {
        var url = occurrence.Url;
        if (_include.Count > 0)
        {
            return _include.Any(i => UrlPattern.IsMatch(i.Regex, url)) ? null : "not matched by any --include pattern";
        }

        foreach (var (source, regex) in _exclude)
        {
            if (UrlPattern.IsMatch(regex, url))
            {
                return $"excluded by --exclude '{source}'";
            }
        }

        foreach (var (reason, regex) in _ignoreFile)
        {
            if (UrlPattern.IsMatch(regex, url))
            {
                return reason;
            }
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

    private static string? HostOf(string url) =>
        (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        && Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.IdnHost.Trim('[', ']') : null;

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
