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
/// A simulated internet on loopback for bench/http.sh: <see cref="Hosts"/> web servers on 127.0.0.10 and up,
/// each with its own latency (20-100 ms) and a fixed mix of answers, a markdown corpus that links to them, and
/// the ground truth (which links are dead) to score checkers against.
/// </summary>
public static class SimulatedInternet
{
    public const int Hosts = 200;
    public const int UniqueUrls = 5_000;
    public const int Files = 2_000;
    public const int LinksPerFile = 10;

    /// <summary>Host 0 is the busy one (a "github.com"): a fifth of all URLs, all plain, at 50 ms.</summary>
    public const int BusiestHostUrls = 1_000;

    public static readonly TimeSpan BusiestHostLatency = TimeSpan.FromMilliseconds(50);

    /// <summary>What a URL answers.</summary>
    public enum Kind
    {
        Ok,
        NotFound,
        Gone,
        ServerError,
        Moved,
        Found,
        FlakyUnavailable,
        RateLimitedOnce,
        NoHead,
        AnchorPresent,
        AnchorMissing,
    }

    public static string Address(int host) => $"127.0.{(10 + host) / 250}.{(10 + host) % 250}";

    public static TimeSpan Latency(int host) => host == 0 ? BusiestHostLatency : TimeSpan.FromMilliseconds(20 + (host * 37 % 81));

    public static int HostOf(int url) => url < BusiestHostUrls ? 0 : 1 + ((url - BusiestHostUrls) % (Hosts - 1));

    /// <summary>A fixed mix: 78% OK, 7% dead (404, 410, persistent 500), 6% redirects, 5% transient failures, 2% no HEAD, 2% fragments.</summary>
    public static Kind KindOf(int url)
    {
        var roll = (int)((uint)(url * 2654435761u) % 100);
        if (HostOf(url) == 0)
        {
            return roll < 95 ? Kind.Ok : Kind.NotFound;
        }

        return roll switch
        {
            < 78 => Kind.Ok,
            < 82 => Kind.NotFound,
            < 84 => Kind.Gone,
            < 85 => Kind.ServerError,
            < 88 => Kind.Moved,
            < 91 => Kind.Found,
            < 94 => Kind.FlakyUnavailable,
            < 96 => Kind.RateLimitedOnce,
            < 98 => Kind.NoHead,
            < 99 => Kind.AnchorPresent,
            _ => Kind.AnchorMissing,
        };
    }

    public static bool IsDead(Kind kind) => kind is Kind.NotFound or Kind.Gone or Kind.ServerError or Kind.AnchorMissing;

    public static string UrlOf(int url, int port)
    {
        var kind = KindOf(url);
        var fragment = kind switch
        {
            Kind.AnchorPresent => "#section-2",
            Kind.AnchorMissing => "#no-such-section",
            _ => string.Empty,
        };
        return $"http://{Address(HostOf(url))}:{port}/p/{url}{fragment}";
    }

    /// <summary>Writes the corpus and the ground truth; returns the schedule bound (busiest host URLs x latency / concurrency).</summary>
    public static TimeSpan WriteCorpus(string directory, string truthFile, int port, int hostConcurrency)
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
                // 20,000 links over 5,000 URLs: each URL is used four times, from different files.
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
        return BusiestHostLatency * (BusiestHostUrls / (double)hostConcurrency);
    }

    /// <summary>Serves every host until the process is stopped.</summary>
    public static async Task ServeAsync(int port, Action onReady, CancellationToken cancellationToken)
    {
        var seen = new ConcurrentDictionary<int, int>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            for (var host = 0; host < Hosts; host++)
            {
                kestrel.Listen(IPAddress.Parse(Address(host)), port);
            }
        });
        var app = builder.Build();
        app.Run(async context =>
        {
            var address = context.Connection.LocalIpAddress!.ToString();
            var host = Enumerable.Range(0, Hosts).First(h => Address(h) == address);
            await Task.Delay(Latency(host), context.RequestAborted);
            var segments = context.Request.Path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (segments.Length < 2 || !int.TryParse(segments[1], CultureInfo.InvariantCulture, out var url))
            {
                context.Response.StatusCode = 404;
                return;
            }

            var count = seen.AddOrUpdate(url, 1, (_, n) => n + 1);
            var kind = KindOf(url);
            if (segments.Length > 2)
            {
                // The target of a redirect.
                await Page(context);
                return;
            }

            switch (kind)
            {
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
                case Kind.FlakyUnavailable when count == 1:
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
        });
        await app.StartAsync(cancellationToken);
        onReady();

        // The host's own lifetime stops it on SIGTERM / Ctrl+C.
        await app.WaitForShutdownAsync(cancellationToken);
    }

    private static Task Page(HttpContext context)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Request.Method == "HEAD"
            ? Task.CompletedTask
            : context.Response.WriteAsync("<!doctype html><html><body><h1 id=\"section-1\">One</h1><h2 id=\"section-2\">Two</h2></body></html>");
    }

    /// <summary>Scores a linkcheck JSON report against the truth: (dead found, false reds, missed dead).</summary>
    public static (int Found, int FalseRed, int Missed, int DeadTotal) ScoreLinkcheck(string truthFile, string reportFile)
    {
        var truth = JsonSerializer.Deserialize<Dictionary<string, bool>>(File.ReadAllText(truthFile))!;
        using var report = JsonDocument.Parse(File.ReadAllText(reportFile));
        var red = report.RootElement.GetProperty("results").EnumerateArray()
            .Where(r => r.GetProperty("status").GetString() is "broken" or "error")
            .Select(r => r.GetProperty("url").GetString()!)
            .ToHashSet(StringComparer.Ordinal);
        return Score(truth, red);
    }

    /// <summary>Scores markdown-link-check's output (lines "[✖] URL → Status: N").</summary>
    public static (int Found, int FalseRed, int Missed, int DeadTotal) ScoreMarkdownLinkCheck(string truthFile, string outputFile)
    {
        var truth = JsonSerializer.Deserialize<Dictionary<string, bool>>(File.ReadAllText(truthFile))!;
        var red = File.ReadLines(outputFile)
            .Where(l => l.Contains("[✖]", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf("[✖]", StringComparison.Ordinal) + 3)..].Trim().Split(' ')[0])
            .ToHashSet(StringComparer.Ordinal);
        return Score(truth, red);
    }

    private static (int, int, int, int) Score(Dictionary<string, bool> truth, HashSet<string> red)
    {
        var dead = truth.Where(t => t.Value).Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        var found = red.Count(dead.Contains);
        var falseRed = red.Count(u => truth.ContainsKey(u) && !dead.Contains(u));
        return (found, falseRed, dead.Count - found, dead.Count);
    }
}
