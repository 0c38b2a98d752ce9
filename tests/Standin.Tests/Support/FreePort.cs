using System.Net;
using System.Net.Sockets;

namespace Standin.Tests.Support;

/// <summary>A loopback TCP port nobody listens on right now.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// True when something accepts a connection on the port. A connect from the port to itself (TCP simultaneous open, which
    /// Linux allows when the kernel happens to pick the target port as the source port) is not a listener.
    /// </summary>
    public static bool IsListening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return ((IPEndPoint)client.Client.LocalEndPoint!).Port != port;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
