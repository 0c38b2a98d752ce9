using System.Net;
using System.Net.Sockets;

namespace Ktrdr.Deploy.Verification.Http;

/// <summary>
/// Opens TCP connections for HttpClient, connecting a mapped host name to its address (the lab's node names)
/// and every other name through DNS. The request itself keeps the name (Host header, messages), so nothing
/// on this machine (/etc/hosts) has to change.
/// </summary>
internal static class HostMapConnector
{
    public static SocketsHttpHandler Handler(IReadOnlyDictionary<string, string> hostMap)
    {
        var map = new Dictionary<string, string>(hostMap, StringComparer.OrdinalIgnoreCase);
        return new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
            ConnectCallback = (context, ct) => ConnectAsync(Resolve(map, context.DnsEndPoint.Host), context.DnsEndPoint.Port, ct),
        };
    }

    /// <summary>The address to connect to for a host name: its mapping when there is one, else the name itself.</summary>
    public static string Resolve(IReadOnlyDictionary<string, string> map, string host) =>
        map.TryGetValue(host, out var address) ? address : host;

    private static async ValueTask<Stream> ConnectAsync(string host, int port, CancellationToken ct)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            if (IPAddress.TryParse(host, out var address)) await socket.ConnectAsync(address, port, ct);
            else await socket.ConnectAsync(host, port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
