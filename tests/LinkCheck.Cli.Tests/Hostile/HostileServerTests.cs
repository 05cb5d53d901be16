using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace LinkCheck.Cli.Tests.Hostile;

/// <summary>
/// Hosts that attack the checker rather than answer it, on loopback: a server that drips its response one byte at a
/// time, one that accepts connections and never reads, one that never completes the TLS handshake. Each link ends
/// as a timeout within the request timeout, and the run stays within its memory bound (docs/reliability.md).
/// </summary>
public sealed class HostileServerTests : IDisposable
{
    private const int PeakMegabytes = 512;
    private readonly TempDirectory _repo = new();
    private readonly CancellationTokenSource _stop = new();

    public HostileServerTests() => _repo.InitGit();

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
        _repo.Dispose();
    }

    [Theory]
    [InlineData("drip", "http")]
    [InlineData("never-reads", "http")]
    [InlineData("tls-never-completes", "https")]
    public async Task Link_ToAHostileServer_EndsAsATimeoutWithinTheBounds(string behaviour, string scheme)
    {
        using var listener = new TcpListener(IPAddress.Parse("127.0.0.5"), 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var connections = new List<TcpClient>();
        var server = Task.Run(() => ServeAsync(listener, behaviour, connections, _stop.Token));
        var url = $"{scheme}://127.0.0.5:{port}/page";
        _repo.Write("README.md", $"[hostile]({url})\n");
        var peak = _repo.PathOf("peak.txt");

        var watch = Stopwatch.StartNew();
        using var child = ChildProcess.StartMeasured(_repo.Root, peak, ".", "--format", "json", "--timeout", "2s", "--max-retries", "0");
        var code = await child.ExitAsync(TimeSpan.FromSeconds(60));
        watch.Stop();

        Assert.True(code == 1, child.Error);
        using var report = JsonDocument.Parse(child.Out);
        var result = Assert.Single(report.RootElement.GetProperty("results").EnumerateArray());
        Assert.Equal("broken", result.GetProperty("status").GetString());
        Assert.Contains("timed out", result.GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
        var megabytes = long.Parse((await File.ReadAllLinesAsync(peak)).Last(l => l.Length > 0), System.Globalization.CultureInfo.InvariantCulture) / 1024;
        Assert.True(megabytes < PeakMegabytes, $"peak {megabytes} MB");
        Console.WriteLine($"hostile server {behaviour}: {watch.Elapsed.TotalSeconds:F1} s, peak {megabytes} MB");
        _stop.Cancel();
        await server;
        foreach (var connection in connections)
        {
            connection.Dispose();
        }
    }

    private static async Task ServeAsync(TcpListener listener, string behaviour, List<TcpClient> connections, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                var client = await listener.AcceptTcpClientAsync(stop);
                connections.Add(client);
                _ = behaviour switch
                {
                    "drip" => DripAsync(client, stop),
                    _ => Task.CompletedTask, // accepts, then never reads nor writes (for TLS: never answers the ClientHello)
                };
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Reads the request, then sends a status line and one header byte every 100 ms, forever.</summary>
    private static async Task DripAsync(TcpClient client, CancellationToken stop)
    {
        try
        {
            var stream = client.GetStream();
            var buffer = new byte[4096];
            _ = await stream.ReadAsync(buffer, stop);
            await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nX-Drip: "), stop);
            while (true)
            {
                await stream.WriteAsync("a"u8.ToArray(), stop);
                await Task.Delay(100, stop);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException)
        {
        }
    }
}
