using LinkCheck.Core.Model;
using LinkCheck.Core.Resolution;
using Microsoft.AspNetCore.Http;

namespace LinkCheck.Core.Tests.Http;

public sealed class RedirectTests : HttpTestBase
{
    private static Task Redirect(HttpContext context, int status, string location)
    {
        context.Response.StatusCode = status;
        context.Response.Headers.Location = location;
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Check_TemporaryRedirectChain_IsOk()
    {
        var server = await StartServerAsync("127.0.0.2", context => context.Request.Path.Value switch
        {
            "/a" => Redirect(context, 302, "/b"),
            "/b" => Redirect(context, 307, "c"),
            "/c" => Redirect(context, 303, "/final"),
            _ => Respond(context, 200),
        });
        var url = server.Url("/a");

        var result = Result(await CheckLinksAsync([url]), url);

        Assert.Equal(LinkStatus.Ok, result.Status);
        Assert.Equal(["/a", "/b", "/c", "/final"], server.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task Check_PermanentRedirect_IsAWarningWithTheNewUrl()
    {
        var server = await StartServerAsync("127.0.0.2", context => context.Request.Path.Value switch
        {
            "/old" => Redirect(context, 301, "/newer"),
            "/newer" => Redirect(context, 308, "/newest"),
            _ => Respond(context, 200),
        });
        var url = server.Url("/old#section");

        var result = Result(await CheckLinksAsync([url], http => http with { CheckRemoteFragments = false }), url);

        Assert.Equal(LinkStatus.Warning, result.Status);
        Assert.Equal($"permanently moved to {server.Url("/newest")}", result.Message);
        Assert.Equal(server.Url("/newest#section"), result.Suggestion);
    }

    [Fact]
    public async Task Check_MixedRedirects_AreNotPermanent()
    {
        var server = await StartServerAsync("127.0.0.2", context => context.Request.Path.Value switch
        {
            "/old" => Redirect(context, 301, "/login"),
            "/login" => Redirect(context, 302, "/home"),
            _ => Respond(context, 200),
        });
        Assert.Equal(LinkStatus.Ok, Result(await CheckLinksAsync([server.Url("/old")]), server.Url("/old")).Status);
    }

    [Fact]
    public async Task Check_RedirectLoop_IsBroken()
    {
        var server = await StartServerAsync("127.0.0.2", context => context.Request.Path.Value switch
        {
            "/x" => Redirect(context, 302, "/y"),
            _ => Redirect(context, 302, "/x"),
        });
        var url = server.Url("/x");

        var result = Result(await CheckLinksAsync([url]), url);

        Assert.Equal(LinkStatus.Broken, result.Status);
        Assert.Equal($"redirect loop: {server.Url("/x")} -> {server.Url("/y")} -> {server.Url("/x")}", result.Message);
    }

    [Fact]
    public async Task Check_TooManyRedirects_IsBroken()
    {
        var server = await StartServerAsync("127.0.0.2", context =>
            Redirect(context, 302, "/hop/" + (int.Parse(context.Request.Path.Value!.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture) + 1)));
        var url = server.Url("/hop/0");

        var result = Result(await CheckLinksAsync([url], http => http with { MaxRedirects = 3 }), url);

        Assert.Equal(LinkStatus.Broken, result.Status);
        Assert.Equal("more than 3 redirects", result.Message);
        Assert.Equal(4, server.Requests.Count);
    }

    [Fact]
    public async Task Check_RedirectWithoutLocation_IsBroken()
    {
        var server = await StartServerAsync("127.0.0.2", context => Respond(context, 302));
        var url = server.Url("/nowhere");
        var result = Result(await CheckLinksAsync([url]), url);
        Assert.Equal(LinkStatus.Broken, result.Status);
        Assert.Equal("redirect (302) without a usable Location", result.Message);
    }

    [Fact]
    public async Task Check_HostHeaders_GoOnlyToTheirHostAndNeverAcrossRedirects()
    {
        var other = await StartServerAsync("127.0.0.3", context => Respond(context, 200));
        var server = await StartServerAsync("127.0.0.2", context => context.Request.Path.Value == "/to-other"
            ? Redirect(context, 302, other.Url("/landing"))
            : Respond(context, 200));

        await CheckLinksAsync(
            [server.Url("/to-other"), server.Url("/direct"), other.Url("/direct")],
            http => http with { Headers = [new Core.Resolution.HostHeader("127.0.0.2", "Authorization", "Bearer s3cret")] });

        Assert.All(server.Requests, r => Assert.Equal("Bearer s3cret", r.Headers["Authorization"]));
        Assert.Equal(2, other.Requests.Count);
        Assert.All(other.Requests, r => Assert.False(r.Headers.ContainsKey("Authorization")));
    }

    [Fact]
    public async Task Check_HostHeaders_AreNotSentAfterARedirectToAnotherPortOfTheSameHost()
    {
        // Two servers on one address: the same host, two origins (issue 9: the header followed the redirect).
        var otherPort = await StartServerAsync("127.0.0.2", context => Respond(context, 200));
        var server = await StartServerAsync("127.0.0.2", context => context.Request.Path.Value switch
        {
            "/same-origin" => Redirect(context, 302, "/landing"),
            "/other-port" => Redirect(context, 302, otherPort.Url("/landing")),
            _ => Respond(context, 200),
        });
        Assert.NotEqual(server.Authority, otherPort.Authority);

        var report = await CheckLinksAsync(
            [server.Url("/same-origin"), server.Url("/other-port")],
            http => http with { Headers = [new Core.Resolution.HostHeader("127.0.0.2", "Authorization", "Bearer s3cret")] });

        Assert.Equal(2, report.Summary.Ok);
        Assert.Equal(["/landing", "/other-port", "/same-origin"], server.Requests.Select(r => r.PathAndQuery).Order(StringComparer.Ordinal));
        Assert.All(server.Requests, r => Assert.Equal("Bearer s3cret", r.Headers["Authorization"]));
        var landed = Assert.Single(otherPort.Requests);
        Assert.False(landed.Headers.ContainsKey("Authorization"), "the header crossed to another port");
    }

    [Fact]
    public async Task Check_HostHeaders_AreNotSentAfterAnHttpsToHttpDowngradeOnTheSameHost()
    {
        using var certificate = LoopbackServer.CreateCertificate("127.0.0.4");
        var plain = await StartServerAsync("127.0.0.4", context => Respond(context, 200));
        var secure = await StartServerAsync("127.0.0.4", context => Redirect(context, 302, plain.Url("/insecure")), certificate);
        var url = secure.Url("/downgrade");

        var report = await CheckLinksAsync(
            [url],
            http => http with { Headers = [new Core.Resolution.HostHeader("127.0.0.4", "X-Api-Key", "k3y")] },
            handler: h => h.SslOptions.RemoteCertificateValidationCallback = (_, cert, _, _) => cert is not null && cert.GetCertHashString() == certificate.GetCertHashString());

        Assert.Equal(LinkStatus.Warning, Result(report, url).Status);
        Assert.Equal("k3y", Assert.Single(secure.Requests).Headers["X-Api-Key"]);
        Assert.False(Assert.Single(plain.Requests).Headers.ContainsKey("X-Api-Key"), "the header went over plain http");
    }

    [Fact]
    public async Task Check_BasicCredentials_NeverReachAnotherHostOrPort()
    {
        var otherHost = await StartServerAsync("127.0.0.3", context => Respond(context, 200));
        var otherPort = await StartServerAsync("127.0.0.2", context => Respond(context, 200));
        var server = await StartServerAsync("127.0.0.2", context => context.Request.Path.Value switch
        {
            "/to-host" => Redirect(context, 302, otherHost.Url("/landing")),
            "/to-port" => Redirect(context, 302, otherPort.Url("/landing")),
            _ => Respond(context, 200),
        });

        var report = await CheckLinksAsync(
            [server.Url("/to-host"), server.Url("/to-port"), server.Url("/own"), otherHost.Url("/direct")],
            http => http with { Headers = [Core.Resolution.BasicCredentials.Parse("127.0.0.2: reader:s3cret")] });

        Assert.Equal(4, report.Summary.Ok);
        Assert.All(server.Requests, r => Assert.Equal("Basic cmVhZGVyOnMzY3JldA==", r.Headers["Authorization"]));
        Assert.Equal(3, server.Requests.Count);
        Assert.All(otherHost.Requests.Concat(otherPort.Requests), r => Assert.False(r.Headers.ContainsKey("Authorization"), r.PathAndQuery));
        Assert.Equal(3, otherHost.Requests.Count + otherPort.Requests.Count);
    }

    [Fact]
    public async Task Check_HttpsToHttpDowngrade_IsAWarning_AndHttp2IsUsedWhereOffered()
    {
        using var certificate = LoopbackServer.CreateCertificate("127.0.0.4");
        var plain = await StartServerAsync("127.0.0.2", context => Respond(context, 200));
        var secure = await StartServerAsync("127.0.0.4", context => context.Request.Path.Value == "/downgrade"
            ? Redirect(context, 302, plain.Url("/insecure"))
            : Respond(context, 200), certificate);
        var downgrade = secure.Url("/downgrade");
        var fine = secure.Url("/fine");

        var report = await CheckLinksAsync([downgrade, fine], handler: h => h.SslOptions.RemoteCertificateValidationCallback =
            (_, cert, _, _) => cert is not null && cert.GetCertHashString() == certificate.GetCertHashString());

        Assert.StartsWith("https://127.0.0.4:", secure.BaseUrl, StringComparison.Ordinal);
        var result = Result(report, downgrade);
        Assert.Equal(LinkStatus.Warning, result.Status);
        Assert.Equal($"redirects from https to http: {plain.Url("/insecure")}", result.Message);
        Assert.Equal(LinkStatus.Ok, Result(report, fine).Status);
        Assert.All(secure.Requests, r => Assert.Equal("HTTP/2", r.Protocol));
    }
}
