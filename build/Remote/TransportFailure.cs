namespace Ktrdr.Deploy.Remote;

/// <summary>
/// Whether an exception is a failure to reach or talk to a target (connection refused, timeout, SSH error) rather than a
/// bug: the layers above let such a node fail alone without knowing which transport (SSH.NET) raised it.
/// </summary>
public static class TransportFailure
{
    public static bool Is(Exception e) =>
        e is RemoteException or IOException or TimeoutException or System.Net.Sockets.SocketException or Renci.SshNet.Common.SshException;
}
