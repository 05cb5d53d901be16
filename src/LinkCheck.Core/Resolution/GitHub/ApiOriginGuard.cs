namespace LinkCheck.Core.Resolution.GitHub;

/// <summary>
/// The last handler before the wire for the GitHub API client: a request whose origin (scheme, host and port,
/// RFC 6454 §4) is not the API's own leaves without its <c>Authorization</c> header. Octokit follows redirects in
/// its own handler and drops the header only when the host name changes, so a redirect to another port on the same
/// host, or from https to http, would carry the token along; this guard sits under Octokit's redirect handler and
/// sees every request it sends, the redirected ones included.
/// </summary>
public sealed class ApiOriginGuard : DelegatingHandler
{
    private readonly Uri _origin;

    /// <summary>Binds the credentials to <paramref name="apiUrl"/>'s origin.</summary>
    public ApiOriginGuard(Uri apiUrl, HttpMessageHandler inner)
        : base(inner) => _origin = apiUrl;

    /// <summary>True when <paramref name="uri"/> has the API's scheme, host and port.</summary>
    public bool IsSameOrigin(Uri? uri) =>
        uri is { IsAbsoluteUri: true }
        && string.Equals(uri.Scheme, _origin.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.IdnHost, _origin.IdnHost, StringComparison.OrdinalIgnoreCase)
        && uri.Port == _origin.Port;

    /// <inheritdoc/>
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsSameOrigin(request.RequestUri))
        {
            request.Headers.Authorization = null;
            request.Headers.Remove("Authorization");
        }

        return base.SendAsync(request, cancellationToken);
    }
}
