using System.Net;
using System.Net.Sockets;
using LinkCheck.Core.Model;

namespace LinkCheck.Core.Tests.Http;

/// <summary>--insecure (for every host or one) and --require-https, against real TLS servers on loopback.</summary>
public sealed class TlsAndSchemeTests : HttpTestBase
{
    [Fact]
    public async Task Check_SelfSignedCertificate_IsBrokenUnlessInsecure_ForEveryHostOrJustThatOne()
    {
        using var certificate = LoopbackServer.CreateCertificate("127.0.0.4");
        var secure = await StartServerAsync("127.0.0.4", context => Respond(context, 200), certificate);
        var url = secure.Url("/page");

        var strict = Result(await CheckLinksAsync([url], http => http with { MaxRetries = 0 }), url);
        var everyHost = Result(await CheckLinksAsync([url], http => http with { Insecure = true }), url);
        var thatHost = Result(await CheckLinksAsync([url], http => http with { InsecureHosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "127.0.0.4" } }), url);
        var otherHost = Result(await CheckLinksAsync([url], http => http with { MaxRetries = 0, InsecureHosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "127.0.0.5" } }), url);

        Assert.Equal(LinkStatus.Broken, strict.Status);
        Assert.StartsWith("TLS error", strict.Message, StringComparison.Ordinal);
        Assert.True(everyHost.Status == LinkStatus.Ok, everyHost.Message);
        Assert.Equal(LinkStatus.Ok, thatHost.Status);
        Assert.Equal(LinkStatus.Broken, otherHost.Status);
    }

    [Fact]
    public async Task Check_RequireHttps_WarnsAboutAnHttpLinkWhoseHttpsFormWorks_WithThatFix()
    {
        using var certificate = LoopbackServer.CreateCertificate("127.0.0.4");
        var secure = await StartServerAsync("127.0.0.4", context => Respond(context, 200), certificate);
        var plain = await StartServerAsync("127.0.0.4", context => Respond(context, 200));
        var plainOnly = await StartServerAsync("127.0.0.6", context => Respond(context, 200));

        // Links on the default ports (80, 443); the connect callback sends those ports to the two servers.
        var ports = new Dictionary<(string, int), int>
        {
            [("127.0.0.4", 80)] = new Uri(plain.BaseUrl).Port,
            [("127.0.0.4", 443)] = new Uri(secure.BaseUrl).Port,
            [("127.0.0.6", 80)] = new Uri(plainOnly.BaseUrl).Port,
            [("127.0.0.6", 443)] = new Uri(plainOnly.BaseUrl).Port,
        };
        const string upgradable = "http://127.0.0.4/docs?page=1";
        const string httpOnly = "http://127.0.0.6/docs";

        var report = await CheckLinksAsync(
            [upgradable, httpOnly],
            http => http with { RequireHttps = true, MaxRetries = 0 },
            handler: h =>
            {
                h.SslOptions.RemoteCertificateValidationCallback = (_, cert, _, _) => cert is not null && cert.GetCertHashString() == certificate.GetCertHashString();
                h.ConnectCallback = async (context, cancellationToken) =>
                {
                    var address = IPAddress.Parse(context.DnsEndPoint.Host);
                    Assert.True(IPAddress.IsLoopback(address));
                    var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                    await socket.ConnectAsync(new IPEndPoint(address, ports[(context.DnsEndPoint.Host, context.DnsEndPoint.Port)]), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                };
            });

        var result = Result(report, upgradable);
        Assert.Equal(LinkStatus.Warning, result.Status);
        Assert.Equal("insecure link: https://127.0.0.4/docs?page=1 works too", result.Message);
        Assert.Equal("https://127.0.0.4/docs?page=1", result.Suggestion);
        Assert.True(result.Fixable);
        Assert.Equal(LinkStatus.Ok, Result(report, httpOnly).Status);
        Assert.Equal(["/docs?page=1"], secure.Requests.Select(r => r.PathAndQuery));
    }
}
