namespace Ktrdr.Deploy.Remote;

/// <summary>A failure to reach or act on a target, with a message written for the person running the deploy.</summary>
public class RemoteException : Exception
{
    public RemoteException(string message) : base(message) { }

    public RemoteException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>The host presented a key that the known_hosts file does not vouch for. Never retried.</summary>
public sealed class HostKeyRejectedException(string message) : RemoteException(message);
