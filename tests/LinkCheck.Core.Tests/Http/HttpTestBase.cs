using LinkCheck.Core.Model;
using LinkCheck.Core.Resolution;
using Microsoft.AspNetCore.Http;

namespace LinkCheck.Core.Tests.Http;

/// <summary>
/// Runs the real checker, with a real HttpClient, against real servers on loopback addresses; time is an
/// <see cref="ObservableTime"/> so retries, back-off and timeouts need no real waiting.
/// </summary>
public abstract class HttpTestBase : IAsyncLifetime
{
    private readonly List<LoopbackServer> _servers = [];

    protected ObservableTime Time { get; } = new();

    protected TempDirectory Repo { get; } = new();

    public Task InitializeAsync()
    {
        Repo.InitGit();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }

        Repo.Dispose();
    }

    protected async Task<LoopbackServer> StartServerAsync(string address, Func<HttpContext, Task> handler, System.Security.Cryptography.X509Certificates.X509Certificate2? certificate = null)
    {
        var server = await LoopbackServer.StartAsync(address, handler, Time, certificate);
        _servers.Add(server);
        return server;
    }

    /// <summary>Writes README.md with the given links (one per line) and checks it.</summary>
    protected Task<CheckReport> CheckLinksAsync(IEnumerable<string> urls, Func<HttpCheckOptions, HttpCheckOptions>? http = null, Func<LinkCheckOptions, LinkCheckOptions>? options = null, Action<SocketsHttpHandler>? handler = null, ProgressTracker? progress = null)
    {
        Repo.Write("README.md", string.Concat(urls.Select((u, i) => $"[link {i}]({u})\n\n")));
        return CheckAsync(http, options, handler, progress);
    }

    protected async Task<CheckReport> CheckAsync(Func<HttpCheckOptions, HttpCheckOptions>? http = null, Func<LinkCheckOptions, LinkCheckOptions>? options = null, Action<SocketsHttpHandler>? handler = null, ProgressTracker? progress = null)
    {
        var httpOptions = new HttpCheckOptions();
        httpOptions = http?.Invoke(httpOptions) ?? httpOptions;
        using var client = HttpHandlerFactory.CreateClient(HttpHandlerFactory.Create(httpOptions, h =>
        {
            LoopbackOnly.Apply(h);
            handler?.Invoke(h);
        }));
        var checkOptions = new LinkCheckOptions { RootDirectory = Repo.Root, Http = httpOptions };
        checkOptions = options?.Invoke(checkOptions) ?? checkOptions;
        return await new LinkChecker(Time, client, progress).CheckAsync(checkOptions);
    }

    protected static LinkResult Result(CheckReport report, string url) => Assert.Single(report.Results, r => r.Url == url);

    protected static Task Respond(HttpContext context, int status, string? body = null, string contentType = "text/html")
    {
        context.Response.StatusCode = status;
        if (body is null)
        {
            return Task.CompletedTask;
        }

        context.Response.ContentType = contentType;
        return context.Response.WriteAsync(body);
    }
}
