using LinkCheck.Cli.GitHubActions;
using LinkCheck.Core.Resolution.GitHub;
using Microsoft.AspNetCore.Http;

namespace LinkCheck.Cli.Tests.Hostile;

/// <summary>Issue 9, point 2: the API token is bound to the API's origin (scheme, host and port), across redirects too.</summary>
public sealed class ApiTokenOriginTests : FakeApiTestBase
{
    private static Task Comments(HttpContext context)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(context.Request.Method == "GET" ? "[]" : "{\"id\":5,\"body\":\"x\",\"html_url\":\"https://github.com/octo/docs/pull/12#issuecomment-5\"}");
    }

    [Fact]
    public async Task Publish_RedirectToAnotherPortOnTheSameHost_DoesNotCarryTheToken()
    {
        // The fake API is on 127.0.0.7; this server is on the same address, another port.
        await using var samehost = await LoopbackServer.StartAsync("127.0.0.7", Comments);
        Api.Redirects["/repos/octo/docs/issues/12/comments"] = samehost.Url("/repos/octo/docs/issues/12/comments");

        await new PullRequestComment(CreateApi()).PublishAsync(ReportWith(broken: 1), Context, null, default);

        Assert.NotEmpty(samehost.Requests);
        Assert.All(samehost.Requests, r => Assert.False(r.Headers.ContainsKey("Authorization"), $"{r.PathAndQuery} got the token"));
        Assert.Contains(Api.Requests, r => r.Method == "POST" && r.Authorization == "Token " + Token);
    }

    [Fact]
    public async Task Publish_RedirectFromHttpsToHttp_DoesNotCarryTheToken()
    {
        using var certificate = LoopbackServer.CreateCertificate("127.0.0.7");
        await using var tls = await LoopbackServer.StartAsync("127.0.0.7", context =>
        {
            context.Response.StatusCode = 301;
            context.Response.Headers.Location = Api.BaseUrl + context.Request.Path.Value!.TrimStart('/');
            return Task.CompletedTask;
        }, certificate: certificate);
        var handler = () =>
        {
            var h = new SocketsHttpHandler { AllowAutoRedirect = false };
            LoopbackOnly.Apply(h);
            h.SslOptions.RemoteCertificateValidationCallback = (_, cert, _, _) => cert is not null && cert.GetCertHashString() == certificate.GetCertHashString();
            return (HttpMessageHandler)h;
        };
        var context = Context with { ApiUrl = new Uri(tls.BaseUrl + "/") };
        var api = new GitHubApi(GitHubClientFactory.Create(context, handler), Time);

        await TokenIdentity.ResolveAsync(api, default);

        Assert.Contains(tls.Requests, r => r.Headers.TryGetValue("Authorization", out var v) && v == "Token " + Token);
        var downgraded = Assert.Single(Api.Requests);
        Assert.Equal("/user", downgraded.Path);
        Assert.Null(downgraded.Authorization);
    }

    [Theory]
    [InlineData("https://api.github.com/repos", true)]
    [InlineData("https://API.GITHUB.COM:443/x", true)]
    [InlineData("http://api.github.com/repos", false)]
    [InlineData("https://api.github.com:8443/repos", false)]
    [InlineData("https://uploads.github.com/repos", false)]
    public void IsSameOrigin_ComparesSchemeHostAndPort(string url, bool same)
    {
        using var guard = new ApiOriginGuard(new Uri("https://api.github.com/"), new HttpClientHandler());
        Assert.Equal(same, guard.IsSameOrigin(new Uri(url)));
    }
}
