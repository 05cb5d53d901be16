using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace LinkCheck.Tests.Shared;

/// <summary>One request as the server saw it.</summary>
public sealed record SeenRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Protocol, DateTimeOffset At);

/// <summary>
/// A real HTTP server (Kestrel) on a loopback address such as 127.0.0.2, so that several servers are distinct
/// hosts. It records every request and the most requests it ever had in flight at once.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<SeenRequest> _requests = new();
    private readonly Func<HttpContext, Task> _handler;
    private readonly TimeProvider _time;
    private readonly Channel _arrivals = new();
    private int _inFlight;
    private int _maxInFlight;

    private LoopbackServer(WebApplication app, Func<HttpContext, Task> handler, TimeProvider time)
    {
        _app = app;
        _handler = handler;
        _time = time;
    }

    /// <summary>The base URL, e.g. <c>http://127.0.0.2:41234</c>.</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>The host and port, e.g. <c>127.0.0.2:41234</c>.</summary>
    public string Authority => new Uri(BaseUrl).Authority;

    /// <summary>The host without the port.</summary>
    public string Host => new Uri(BaseUrl).Host;

    /// <summary>Every request received, in arrival order.</summary>
    public IReadOnlyList<SeenRequest> Requests => [.. _requests];

    /// <summary>The most requests that were being handled at the same time.</summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>Requests being handled now.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>An absolute URL on this server.</summary>
    public string Url(string pathAndQuery) => BaseUrl + pathAndQuery;

    /// <summary>Completes when the server has received <paramref name="count"/> requests in all.</summary>
    public Task ReceivedAsync(int count) => _arrivals.WaitForAsync(count);

    /// <summary>Starts a server on <paramref name="address"/> (a 127.x.y.z address); <paramref name="time"/> stamps requests.</summary>
    public static async Task<LoopbackServer> StartAsync(string address, Func<HttpContext, Task> handler, TimeProvider? time = null, X509Certificate2? certificate = null, int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Parse(address), port, listen =>
            {
                if (certificate is not null)
                {
                    listen.Protocols = HttpProtocols.Http1AndHttp2;
                    listen.UseHttps(certificate);
                }
            });
        });
        var app = builder.Build();
        var server = new LoopbackServer(app, handler, time ?? TimeProvider.System);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseUrl = app.Urls.First().Replace("[::]", address, StringComparison.Ordinal).TrimEnd('/');
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        _requests.Enqueue(new SeenRequest(context.Request.Method, context.Request.Path + context.Request.QueryString, headers, context.Request.Protocol, _time.GetUtcNow()));
        var now = Interlocked.Increment(ref _inFlight);
        InterlockedMax(ref _maxInFlight, now);
        _arrivals.Signal(_requests.Count);
        try
        {
            await _handler(context);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    /// <summary>A self-signed certificate for 127.0.0.x, for HTTPS servers the tests' client is told to trust.</summary>
    public static X509Certificate2 CreateCertificate(string address)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=" + address, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Parse(address));
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>Lets a test await "at least N requests so far" without polling.</summary>
    private sealed class Channel
    {
        private readonly Lock _lock = new();
        private readonly List<(int Count, TaskCompletionSource Done)> _waiters = [];
        private int _count;

        public void Signal(int count)
        {
            lock (_lock)
            {
                _count = Math.Max(_count, count);
                foreach (var waiter in _waiters.Where(w => w.Count <= _count).ToList())
                {
                    waiter.Done.TrySetResult();
                    _waiters.Remove(waiter);
                }
            }
        }

        public Task WaitForAsync(int count)
        {
            lock (_lock)
            {
                if (_count >= count)
                {
                    return Task.CompletedTask;
                }

                var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiters.Add((count, done));
                return done.Task;
            }
        }
    }
}
