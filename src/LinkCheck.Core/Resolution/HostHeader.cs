using System.Globalization;

namespace LinkCheck.Core.Resolution;

/// <summary>A request header sent only to one host (never to another host, never across a redirect to one).</summary>
/// <param name="Host">The host name, or <c>host:port</c> to bind the header to one port too; compared ignoring case; exact, no wildcards.</param>
/// <param name="Name">The header name.</param>
/// <param name="Value">The header value.</param>
public sealed record HostHeader(string Host, string Name, string Value)
{
    /// <summary>
    /// Parses <c>host: Name: value</c>, where host may carry a port (<c>127.0.0.1:8080: Name: value</c>,
    /// <c>[::1]:8080: Name: value</c>). Error messages name the host and the header, never the value: it is
    /// usually a credential.
    /// </summary>
    /// <param name="text">The header, <c>host: Name: value</c>.</param>
    /// <param name="source">Where the text comes from (an option, a configuration key), to start the error message.</param>
    /// <exception cref="LinkCheckConfigurationException">The text is not in that form.</exception>
    public static HostHeader Parse(string text, string source = "header")
    {
        ArgumentNullException.ThrowIfNull(text);
        var hostEnd = HostEnd(text);
        var second = hostEnd < 0 ? -1 : text.IndexOf(':', hostEnd + 1);
        if (hostEnd <= 0 || second < 0)
        {
            throw new LinkCheckConfigurationException($"{source}: expected 'host: Name: value' (or 'host:port: Name: value')");
        }

        var host = text[..hostEnd].Trim();
        var name = text[(hostEnd + 1)..second].Trim();
        var value = text[(second + 1)..].Trim();
        var shown = $"{source} for {Printable(host)}";
        if (host.Length == 0 || name.Length == 0 || name.Any(c => c <= ' ' || c == ':' || c >= 0x7F))
        {
            throw new LinkCheckConfigurationException($"{shown}: expected 'host: Name: value' with a valid header name");
        }

        // RFC 9110 §5.5: a field value is visible characters, spaces and tabs; line breaks would split the request,
        // other control characters are refused by the HTTP stack with an exception that quotes the value.
        if (value.Any(c => c is '\r' or '\n'))
        {
            throw new LinkCheckConfigurationException($"{shown}, header {name}: a header value cannot contain line breaks");
        }

        if (value.Any(c => (c < ' ' && c != '\t') || c == 0x7F))
        {
            throw new LinkCheckConfigurationException($"{shown}, header {name}: a header value cannot contain control characters");
        }

        return new HostHeader(host, name, value);
    }

    /// <summary>
    /// Where the host part ends: at the first colon, unless a port follows it (digits, then a colon), or the host
    /// is a bracketed IPv6 literal (RFC 3986 §3.2.2).
    /// </summary>
    private static int HostEnd(string text)
    {
        var start = 0;
        var trimmed = text.AsSpan().TrimStart();
        if (trimmed.Length > 0 && trimmed[0] == '[')
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                return -1;
            }

            start = close;
        }

        var first = text.IndexOf(':', start);
        if (first < 0)
        {
            return -1;
        }

        var next = text.IndexOf(':', first + 1);
        if (next > first + 1)
        {
            var port = text.AsSpan(first + 1, next - first - 1);
            if (!port.ContainsAnyExceptInRange('0', '9') && int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                && number is > 0 and <= 65535 && text.IndexOf(':', next + 1) >= 0)
            {
                return next;
            }
        }

        return first;
    }

    private static string Printable(string host) => new([.. host.Select(c => char.IsControl(c) ? '?' : c)]);
}
