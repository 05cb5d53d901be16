using LinkCheck.Core.Model;
using LinkCheck.Core.Resolution;
using Microsoft.AspNetCore.Http;

namespace LinkCheck.Core.Tests.Http;

public sealed class StatusAndMethodTests : HttpTestBase
{
    [Theory]
    [InlineData(200, LinkStatus.Ok, null)]
    [InlineData(204, LinkStatus.Ok, null)]
    [InlineData(400, LinkStatus.Broken, "400 Bad Request")]
    [InlineData(401, LinkStatus.Broken, "401 Unauthorized")]
    [InlineData(403, LinkStatus.Broken, "403 Forbidden")]
    [InlineData(404, LinkStatus.Broken, "404 Not Found")]
    [InlineData(410, LinkStatus.Broken, "410 Gone")]
    [InlineData(418, LinkStatus.Broken, "418 I'm a teapot")]
    [InlineData(500, LinkStatus.Broken, "500 Internal Server Error")]
    [InlineData(501, LinkStatus.Broken, "501 Not Implemented")]
    public async Task Check_StatusClasses_GiveTheirVerdicts(int status, LinkStatus expected, string? message)
    {
        var server = await StartServerAsync("127.0.0.2", context => Respond(context, status));
        var url = server.Url("/page");

        // No retries here: RetryAndTimeoutTests covers how 5xx are retried.
        var result = Result(await CheckLinksAsync([url], http => http with { MaxRetries = 0 }), url);

        Assert.Equal(expected, result.Status);
        Assert.Equal(message, result.Message);
    }

    [Fact]
    public async Task Check_Success_UsesHeadOnly()
    {
        var server = await StartServerAsync("127.0.0.2", context => Respond(context, 200));
        await CheckLinksAsync([server.Url("/a")]);
        Assert.Equal(["HEAD"], server.Requests.Select(r => r.Method));
    }

    [Theory]
    [InlineData(405)]
    [InlineData(403)]
    [InlineData(400)]
    [InlineData(404)]
    [InlineData(501)]
    public async Task Check_HeadRefused_FallsBackToGet(int headStatus)
    {
        var server = await StartServerAsync("127.0.0.2", context => Respond(context, context.Request.Method == "HEAD" ? headStatus : 200));
        var url = server.Url("/no-head");

        var result = Result(await CheckLinksAsync([url]), url);

        Assert.Equal(LinkStatus.Ok, result.Status);
        Assert.Equal(["HEAD", "GET"], server.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task Check_AcceptedCodes_AreConfigurable()
    {
        var server = await StartServerAsync("127.0.0.2", context => Respond(context, 403));
        var url = server.Url("/members-only");
        var report = await CheckLinksAsync([url], http => http with { Accept = Core.Resolution.StatusCodeSet.Parse("200..=299,403") });
        Assert.Equal(LinkStatus.Ok, Result(report, url).Status);
    }

    [Fact]
    public async Task Check_EachUniqueUrlOnce_HoweverManyFilesUseIt()
    {
        var server = await StartServerAsync("127.0.0.2", context => Respond(context, 200));
        var url = server.Url("/shared");
        Repo.Write("a.md", $"[a]({url}) [b]({url}#one)");
        Repo.Write("docs/b.md", $"[c]({url}) [d](<{url}>)");

        var report = await CheckAsync(http => http with { CheckRemoteFragments = false });

        Assert.Equal(4, report.Summary.Ok);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Check_UserAgentAndAcceptHeaders_AreSent()
    {
        var server = await StartServerAsync("127.0.0.2", context => Respond(context, 200));
        await CheckLinksAsync([server.Url("/ua")], http => http with { UserAgent = "test-agent/1.0" });
        var request = Assert.Single(server.Requests);
        Assert.Equal("test-agent/1.0", request.Headers["User-Agent"]);
        Assert.Contains("text/html", request.Headers["Accept"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_ConnectionRefused_IsBrokenWithReason()
    {
        // A port nobody listens on: start a server to learn a free port, then stop it.
        var server = await LoopbackServer.StartAsync("127.0.0.5", context => Respond(context, 200));
        var url = server.Url("/gone");
        await server.DisposeAsync();

        var result = Result(await CheckLinksAsync([url], http => http with { MaxRetries = 0 }), url);

        Assert.Equal(LinkStatus.Broken, result.Status);
        Assert.StartsWith("connection failed", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_BotProtection_IsUnverifiedNotBroken()
    {
        var server = await StartServerAsync("127.0.0.2", context =>
        {
            if (context.Request.Path == "/linkedin")
            {
                return Respond(context, 999);
            }

            context.Response.Headers["cf-ray"] = "8a1b2c3d4e5f-AMS";
            context.Response.Headers["Server"] = "cloudflare";
            return Respond(context, 403, "<html>Just a moment...</html>");
        });
        var cloudflare = server.Url("/protected");
        var linkedin = server.Url("/linkedin");

        var report = await CheckLinksAsync([cloudflare, linkedin]);

        Assert.Equal(LinkStatus.Unverified, Result(report, cloudflare).Status);
        Assert.StartsWith("refused by Cloudflare's bot protection (403)", Result(report, cloudflare).Message, StringComparison.Ordinal);
        Assert.Equal(LinkStatus.Unverified, Result(report, linkedin).Status);
        Assert.False(report.HasFailures);
        Assert.True((report with { Unverified = Core.Model.UnverifiedPolicy.Fail }).HasFailures);
    }

    [Fact]
    public async Task Check_HugeBody_IsNeverDownloaded()
    {
        long written = 0;
        var server = await StartServerAsync("127.0.0.2", async context =>
        {
            context.Response.ContentType = "text/html";
            context.Response.ContentLength = 1L << 30;
            if (context.Request.Method == "HEAD")
            {
                return;
            }

            var chunk = new byte[64 * 1024];
            "<html><body><p id=\"intro\">"u8.CopyTo(chunk);
            try
            {
                while (Interlocked.Read(ref written) < 1L << 30 && !context.RequestAborted.IsCancellationRequested)
                {
                    // Kestrel discards writes once the client has gone; the flush result says so.
                    var flush = await context.Response.BodyWriter.WriteAsync(chunk, context.RequestAborted);
                    if (flush.IsCompleted || flush.IsCanceled)
                    {
                        break;
                    }

                    Interlocked.Add(ref written, chunk.Length);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or Microsoft.AspNetCore.Connections.ConnectionAbortedException)
            {
                // The client stopped reading, as it should.
            }
        });
        var page = server.Url("/huge");

        var report = await CheckLinksAsync([page, page + "#intro", page + "#later"], http => http with { MaxBodyBytes = 256 * 1024 });

        Assert.Equal(LinkStatus.Ok, Result(report, page).Status);
        Assert.Equal(LinkStatus.Ok, Result(report, page + "#intro").Status);
        var later = Result(report, page + "#later");
        Assert.Equal(LinkStatus.Skipped, later.Status);
        Assert.Equal("#later not verified: the page is larger than 256 KB", later.Message);
        Assert.True(Interlocked.Read(ref written) < 64L * 1024 * 1024, $"server wrote {Interlocked.Read(ref written)} bytes");
    }

    [Fact]
    public async Task Check_GzipBomb_IsReadOnlyUpToTheCap()
    {
        var bomb = GzipOfZeros(256 * 1024 * 1024);
        var server = await StartServerAsync("127.0.0.2", async context =>
        {
            context.Response.ContentType = "text/html";
            context.Response.Headers.ContentEncoding = "gzip";
            context.Response.ContentLength = bomb.Length;
            await context.Response.Body.WriteAsync(bomb);
        });
        var url = server.Url("/bomb#anchor");

        var result = Result(await CheckLinksAsync([url], http => http with { MaxBodyBytes = 1024 * 1024 }), url);

        Assert.Equal(LinkStatus.Skipped, result.Status);
        Assert.Equal("#anchor not verified: the page is larger than 1 MB", result.Message);
    }

    private static byte[] GzipOfZeros(int size)
    {
        using var output = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.SmallestSize))
        {
            var zeros = new byte[1024 * 1024];
            for (var written = 0; written < size; written += zeros.Length)
            {
                gzip.Write(zeros);
            }
        }

        return output.ToArray();
    }
}
