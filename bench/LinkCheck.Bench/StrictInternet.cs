using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LinkCheck.Bench;

/// <summary>
/// The strict simulated internet of issue 11 (bench/http.sh strict): the hosts of <see cref="SimulatedInternet"/>,
/// but a busy host with 3,000 of the 5,000 URLs of which 1% never answer and 1% answer 429 (Retry-After: 1) once;
/// on the other hosts transient 500, 502 and 503 that last two requests, hung URLs and one-off 429s besides dead
/// pages, redirects, servers without HEAD and anchors; and every host answers 429 (Retry-After: 2) to a request
/// that finds 8 requests already in flight. A request that has been in flight for <see cref="SlotHeldFor"/> is no
/// longer counted (a polite checker has given its slot back by then): the simulation counts, and limits, only
/// the requests that hold a slot.
/// </summary>
public static class StrictInternet
{
    public const int Hosts = SimulatedInternet.Hosts;
    public const int UniqueUrls = 5_000;
    public const int Files = 2_000;
    public const int LinksPerFile = 10;
    public const int BusiestHostUrls = 3_000;
    public const int HostConcurrency = 8;

    public static readonly TimeSpan BusiestHostLatency = TimeSpan.FromMilliseconds(50);

    /// <summary>Requests in flight longer than this are not counted as holding a slot (2 s release, minus 100 ms of clock skew).</summary>
    public static readonly TimeSpan SlotHeldFor = TimeSpan.FromMilliseconds(1_900);

    public enum Kind
    {
        Ok,
        NotFound,
        Gone,
        ServerError,
        Moved,
        Found,
        Transient500,
        Transient502,
        Transient503,
        RateLimitedOnce,
        NoHead,
        Hang,
        AnchorPresent,
        AnchorMissing,
    }

    public static string Address(int host) => SimulatedInternet.Address(host);

    public static TimeSpan Latency(int host) => host == 0 ? BusiestHostLatency : SimulatedInternet.Latency(host);

    public static int HostOf(int url) => url < BusiestHostUrls ? 0 : 1 + ((url - BusiestHostUrls) % (Hosts - 1));

    public static Kind KindOf(int url)
    {
        var roll = (int)((uint)(url * 2654435761u) % 100);
        if (HostOf(url) == 0)
        {
            return roll switch
            {
                < 1 => Kind.Hang,
                < 2 => Kind.RateLimitedOnce,
                < 5 => Kind.NotFound,
                _ => Kind.Ok,
            };
        }

        return roll switch
        {
            < 71 => Kind.Ok,
            < 75 => Kind.NotFound,
            < 77 => Kind.Gone,
            < 78 => Kind.ServerError,
            < 81 => Kind.Moved,
            < 84 => Kind.Found,
            < 87 => Kind.Transient500,
            < 90 => Kind.Transient502,
            < 93 => Kind.Transient503,
            < 95 => Kind.RateLimitedOnce,
            < 97 => Kind.NoHead,
            < 98 => Kind.Hang,
            < 99 => Kind.AnchorPresent,
            _ => Kind.AnchorMissing,
        };
    }

    public static bool IsDead(Kind kind) => kind is Kind.NotFound or Kind.Gone or Kind.ServerError or Kind.AnchorMissing or Kind.Hang;

    public static string UrlOf(int url, int port)
    {
        var fragment = KindOf(url) switch
        {
            Kind.AnchorPresent => "#section-2",
            Kind.AnchorMissing => "#no-such-section",
            _ => string.Empty,
        };
        return $"http://{Address(HostOf(url))}:{port}/p/{url}{fragment}";
    }

    /// <summary>
    /// Writes the corpus and the ground truth; returns the polite bound: the busiest host's
    /// (URLs × latency + hung URLs × timeout) / concurrency + its Retry-After pauses, never less than two timeouts.
    /// </summary>
    public static TimeSpan WriteCorpus(string directory, string truthFile, int port, TimeSpan timeout)
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        Directory.CreateDirectory(Path.Combine(directory, ".git"));
        for (var file = 0; file < Files; file++)
        {
            var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"# Page {file}\n\n");
            for (var i = 0; i < LinksPerFile; i++)
            {
                var link = (file * LinksPerFile) + i;
                var url = (int)((long)link * 7919 % UniqueUrls);
                text.Append(CultureInfo.InvariantCulture, $"- see [reference {i}]({UrlOf(url, port)})\n");
            }

            var path = Path.Combine(directory, $"docs/section-{file % 40:00}/page-{file:0000}.md");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text.ToString());
        }

        var truth = Enumerable.Range(0, UniqueUrls).ToDictionary(u => UrlOf(u, port), u => IsDead(KindOf(u)));
        File.WriteAllText(truthFile, JsonSerializer.Serialize(truth));

        var busy = Enumerable.Range(0, BusiestHostUrls).Select(KindOf).ToList();
        var hung = busy.Count(k => k == Kind.Hang);
        var pauses = busy.Count(k => k == Kind.RateLimitedOnce) * TimeSpan.FromSeconds(1);
        var bound = ((BusiestHostLatency * BusiestHostUrls) + (timeout * hung)) / HostConcurrency + pauses;
        return bound > timeout * 2 ? bound : timeout * 2;
    }

    /// <summary>Serves every host until the process is stopped, then writes what it saw to <paramref name="statsFile"/>.</summary>
    public static async Task ServeAsync(int port, string statsFile, Action onReady, CancellationToken cancellationToken)
    {
        var seen = new ConcurrentDictionary<int, int>();
        var hosts = Enumerable.Range(0, Hosts).Select(_ => new HostCounter()).ToArray();
        var byAddress = Enumerable.Range(0, Hosts).ToDictionary(Address, h => h);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxConcurrentConnections = null;
            for (var host = 0; host < Hosts; host++)
            {
                kestrel.Listen(IPAddress.Parse(Address(host)), port);
            }
        });
        var app = builder.Build();
        app.Run(async context =>
        {
            var host = byAddress[context.Connection.LocalIpAddress!.ToString()];
            var counter = hosts[host];
            if (!counter.TryEnter(out var entry))
            {
                // A 9th request while 8 hold a slot: the host's rate limit.
                context.Response.StatusCode = 429;
                context.Response.Headers.RetryAfter = "2";
                return;
            }

            try
            {
                await HandleAsync(context, host, seen);
            }
            catch (OperationCanceledException)
            {
                // The client gave up (a timeout).
            }
            finally
            {
                counter.Leave(entry);
            }
        });
        await app.StartAsync(cancellationToken);
        onReady();
        await app.WaitForShutdownAsync(cancellationToken);

        var busiest = hosts[0];
        var stats = new
        {
            busiestHostMaxSlotHolding = busiest.MaxHolding,
            busiestHostMaxInFlight = busiest.MaxInFlight,
            maxSlotHoldingAnyHost = hosts.Max(h => h.MaxHolding),
            maxInFlightAnyHost = hosts.Max(h => h.MaxInFlight),
            overLimit429s = hosts.Sum(h => h.Refused),
            requests = hosts.Sum(h => h.Requests),
        };
        await File.WriteAllTextAsync(statsFile, JsonSerializer.Serialize(stats), CancellationToken.None);
    }

    private static async Task HandleAsync(HttpContext context, int host, ConcurrentDictionary<int, int> seen)
    {
        await Task.Delay(Latency(host), context.RequestAborted);
        var segments = context.Request.Path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length < 2 || !int.TryParse(segments[1], CultureInfo.InvariantCulture, out var url))
        {
            context.Response.StatusCode = 404;
            return;
        }

        var kind = KindOf(url);
        if (segments.Length > 2)
        {
            await Page(context);
            return;
        }

        var count = seen.AddOrUpdate(url, 1, (_, n) => n + 1);
        switch (kind)
        {
            case Kind.Hang:
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
                break;
            case Kind.NotFound:
                context.Response.StatusCode = 404;
                break;
            case Kind.Gone:
                context.Response.StatusCode = 410;
                break;
            case Kind.ServerError:
                context.Response.StatusCode = 500;
                break;
            case Kind.Moved:
                context.Response.StatusCode = 301;
                context.Response.Headers.Location = $"/p/{url}/moved";
                break;
            case Kind.Found:
                context.Response.StatusCode = 302;
                context.Response.Headers.Location = $"/p/{url}/login";
                break;
            case Kind.Transient500 when count <= 2:
                context.Response.StatusCode = 500;
                break;
            case Kind.Transient502 when count <= 2:
                context.Response.StatusCode = 502;
                break;
            case Kind.Transient503 when count <= 2:
                context.Response.StatusCode = 503;
                break;
            case Kind.RateLimitedOnce when count == 1:
                context.Response.StatusCode = 429;
                context.Response.Headers.RetryAfter = "1";
                break;
            case Kind.NoHead when context.Request.Method == "HEAD":
                context.Response.StatusCode = 405;
                break;
            default:
                await Page(context);
                break;
        }
    }

    private static Task Page(HttpContext context)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Request.Method == "HEAD"
            ? Task.CompletedTask
            : context.Response.WriteAsync("<!doctype html><html><body><h1 id=\"section-1\">One</h1><h2 id=\"section-2\">Two</h2></body></html>");
    }

    /// <summary>Scores a linkcheck JSON report: precision and recall of its red verdicts against the truth.</summary>
    public static (int Found, int FalseRed, int Missed, int DeadTotal, double Precision, double Recall) Score(string truthFile, string reportFile)
    {
        var truth = JsonSerializer.Deserialize<Dictionary<string, bool>>(File.ReadAllText(truthFile))!;
        using var report = JsonDocument.Parse(File.ReadAllText(reportFile));
        var red = report.RootElement.GetProperty("results").EnumerateArray()
            .Where(r => r.GetProperty("status").GetString() is "broken" or "error")
            .Select(r => r.GetProperty("url").GetString()!)
            .ToHashSet(StringComparer.Ordinal);
        var dead = truth.Where(t => t.Value).Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        var found = red.Count(dead.Contains);
        var falseRed = red.Count(u => truth.ContainsKey(u) && !dead.Contains(u));
        var precision = found + falseRed == 0 ? 1 : found / (double)(found + falseRed);
        return (found, falseRed, dead.Count - found, dead.Count, precision, found / (double)dead.Count);
    }

    /// <summary>One host's requests in flight, with their start times.</summary>
    private sealed class HostCounter
    {
        private readonly Lock _lock = new();
        private readonly LinkedList<long> _active = new();

        public int MaxHolding { get; private set; }

        public int MaxInFlight { get; private set; }

        public int Refused { get; private set; }

        public int Requests { get; private set; }

        public bool TryEnter(out LinkedListNode<long> entry)
        {
            var now = Environment.TickCount64;
            lock (_lock)
            {
                Requests++;
                var holding = _active.Count(start => now - start < SlotHeldFor.TotalMilliseconds);
                entry = _active.AddLast(now);
                MaxInFlight = Math.Max(MaxInFlight, _active.Count);
                if (holding >= HostConcurrency)
                {
                    Refused++;
                    _active.Remove(entry);
                    return false;
                }

                MaxHolding = Math.Max(MaxHolding, holding + 1);
                return true;
            }
        }

        public void Leave(LinkedListNode<long> entry)
        {
            lock (_lock)
            {
                _active.Remove(entry);
            }
        }
    }
}
