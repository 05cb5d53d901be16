using Octokit;
using Octokit.Internal;

namespace LinkCheck.Core.Resolution.GitHub;

/// <summary>
/// Builds the Octokit client for a run. <c>new Connection(header, baseAddress, credentials, ...)</c> uses the API
/// address exactly as given (the two-argument GitHubClient constructor would append <c>api/v3/</c> to any host but
/// github.com), so GITHUB_API_URL, GitHub Enterprise and a loopback fake all work. The token goes only to that
/// address's origin: Octokit follows redirects itself but drops the Authorization header only when the host changes,
/// so every request also passes <see cref="ApiOriginGuard"/>, which strips it on any change of scheme, host or port.
/// </summary>
public static class GitHubClientFactory
{
    /// <summary>Creates a client for <paramref name="context"/>'s API; <paramref name="handler"/> is the HTTP handler to use.</summary>
    public static GitHubClient Create(GitHubContext context, Func<HttpMessageHandler>? handler = null)
    {
        var product = new ProductHeaderValue("linkcheck", LinkCheckVersion.Current);
        var credentials = context.Token is { Length: > 0 } token
            ? new InMemoryCredentialStore(new Credentials(token))
            : new InMemoryCredentialStore(Credentials.Anonymous);
        var baseAddress = new Uri(context.ApiUrl.AbsoluteUri.TrimEnd('/') + "/");
        var inner = handler ?? HttpMessageHandlerFactory.CreateDefault;
        var http = new HttpClientAdapter(() => new ApiOriginGuard(baseAddress, inner()));
        return new GitHubClient(new Connection(product, baseAddress, credentials, http, new SimpleJsonSerializer()));
    }
}
