namespace LinkCheck.Core.Resolution;

/// <summary>A request header sent only to one host (never to another host, never across a redirect to one).</summary>
/// <param name="Host">The host name, compared ignoring case; exact, no wildcards.</param>
/// <param name="Name">The header name.</param>
/// <param name="Value">The header value.</param>
public sealed record HostHeader(string Host, string Name, string Value)
{
    /// <summary>Parses <c>host: Name: value</c>.</summary>
    /// <param name="text">The header, <c>host: Name: value</c>.</param>
    /// <param name="source">Where the text comes from (an option, a configuration key), to start the error message.</param>
    /// <exception cref="LinkCheckConfigurationException">The text is not in that form.</exception>
    public static HostHeader Parse(string text, string source = "header")
    {
        var first = text.IndexOf(':', StringComparison.Ordinal);
        var second = first < 0 ? -1 : text.IndexOf(':', first + 1);
        if (first <= 0 || second < 0)
        {
            throw new LinkCheckConfigurationException($"{source} '{text}': expected 'host: Name: value'");
        }

        var host = text[..first].Trim();
        var name = text[(first + 1)..second].Trim();
        var value = text[(second + 1)..].Trim();
        if (host.Length == 0 || name.Length == 0 || name.Any(c => c <= ' ' || c == ':' || c >= 0x7F))
        {
            throw new LinkCheckConfigurationException($"{source} '{text}': expected 'host: Name: value' with a valid header name");
        }

        if (value.Any(c => c is '\r' or '\n'))
        {
            throw new LinkCheckConfigurationException($"{source} '{text}': a header value cannot contain line breaks");
        }

        return new HostHeader(host, name, value);
    }
}
