using System.Text;

namespace LinkCheck.Core.Resolution;

/// <summary>
/// HTTP Basic credentials for one host (RFC 7617), given as <c>HOST: user:password</c>. They become an
/// <c>Authorization</c> header bound like any per-host header: sent only to that host, and never after a
/// redirect that leaves the link's origin (see <see cref="HttpFetcher"/>).
/// </summary>
public static class BasicCredentials
{
    /// <summary>Parses <c>HOST: user:password</c> into the host's Authorization header.</summary>
    /// <exception cref="LinkCheckConfigurationException">The text is not in that form; the message never shows the password.</exception>
    public static HostHeader Parse(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var host = colon < 0 ? string.Empty : text[..colon].Trim();
        var credentials = colon < 0 ? string.Empty : text[(colon + 1)..].Trim();
        var separator = credentials.IndexOf(':', StringComparison.Ordinal);
        if (host.Length == 0 || host.Any(c => c <= ' ' || c == '/') || separator <= 0 || credentials.Any(char.IsControl))
        {
            // The text may hold a password: name the host part only.
            throw new LinkCheckConfigurationException($"--basic-auth for '{(host.Length == 0 ? "?" : host)}': expected 'HOST: user:password' (the user name cannot be empty or contain ':')");
        }

        // RFC 7617 §2: base64 of user-id ":" password, in UTF-8 (the charset="UTF-8" the RFC lets servers ask for).
        return new HostHeader(host.ToLowerInvariant(), "Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
    }
}
