using System.Net;
using System.Net.Sockets;

namespace LinkCheck.Tests.Shared;

/// <summary>
/// A connect callback for test HTTP handlers that refuses every address but loopback literals, so that no test,
/// even a wrong one, can send traffic (or a DNS query) anywhere else.
/// </summary>
public static class LoopbackOnly
{
    public static void Apply(SocketsHttpHandler handler)
    {
        handler.UseProxy = false;
        handler.ConnectCallback = async (context, cancellationToken) =>
        {
            var host = context.DnsEndPoint.Host.Trim('[', ']');
            if (!IPAddress.TryParse(host, out var address) || !IPAddress.IsLoopback(address))
            {
                throw new HttpRequestException($"test guard: refusing to connect to {context.DnsEndPoint.Host}, which is not a loopback address");
            }

            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };
    }
}
