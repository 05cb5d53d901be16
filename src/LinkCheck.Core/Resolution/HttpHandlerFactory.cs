using System.Net;

namespace LinkCheck.Core.Resolution;

/// <summary>
/// The one HTTP handler a run shares (the CLI's composition root creates it, and the HttpClient around it):
/// pooled connections, HTTP/2 where the server offers it, automatic decompression (the resolver caps how much
/// decoded body it reads), and no automatic redirects, because the resolver follows them itself to count them,
/// detect loops and downgrades, and never carry a host's headers to another host.
/// </summary>
public static class HttpHandlerFactory
{
    /// <summary>Creates the handler; <paramref name="configure"/> lets tests trust their own certificate.</summary>
    public static SocketsHttpHandler Create(HttpCheckOptions options, Action<SocketsHttpHandler>? configure = null)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            UseCookies = false,
            // Twice the largest host limit: a request that gave its slot back (HostScheduler) still holds its connection.
            MaxConnectionsPerServer = 2 * Math.Max(1, options.HostOverrides.Values.Select(l => l.Concurrency).Append(options.HostConcurrency).Max()),
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            ConnectTimeout = options.Timeout,
            EnableMultipleHttp2Connections = true,
            MaxResponseDrainSize = 64 * 1024,
            UseProxy = true,
        };
        if (options.Insecure || options.InsecureHosts.Count > 0)
        {
            // --insecure / hosts: HOST: insecure: accept a certificate that does not validate (self-signed, expired,
            // wrong name), for every host or only the listed ones. SocketsHttpHandler passes the SslStream, whose
            // target host is the request's host.
            handler.SslOptions.RemoteCertificateValidationCallback = (sender, _, _, errors) =>
                errors == System.Net.Security.SslPolicyErrors.None
                || options.Insecure
                || (sender is System.Net.Security.SslStream { TargetHostName: { } host } && options.InsecureHosts.Contains(host.TrimEnd('.')))
                || (sender is HttpRequestMessage { RequestUri: { } uri } && options.InsecureHosts.Contains(uri.IdnHost));
        }

        configure?.Invoke(handler);
        return handler;
    }

    /// <summary>An HttpClient over <paramref name="handler"/> with no client-wide timeout (each request has its own).</summary>
    public static HttpClient CreateClient(HttpMessageHandler handler) =>
        new(handler, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
}
