using System.Net.Sockets;
using Renci.SshNet.Common;

namespace Ktrdr.Deploy.Remote.Ssh;

/// <summary>Classifies connection failures (which to retry) and explains them to a person.</summary>
internal static class ConnectFailure
{
    public const int Attempts = 3;

    public static bool IsTransient(Exception failure) => failure switch
    {
        HostKeyRejectedException or SshAuthenticationException => false,
        SocketException socket => socket.SocketErrorCode != SocketError.HostNotFound,
        SshOperationTimeoutException or SshConnectionException or OperationCanceledException => true,
        _ => false,
    };

    public static string Describe(SshTarget target, Exception failure)
    {
        var where = $"{target.Host}:{target.Port}";
        var tried = IsTransient(failure) ? $" (tried {Attempts} times)" : "";
        return failure switch
        {
            SshAuthenticationException =>
                $"SSH target {target}: {where} did not accept the key {target.IdentityFile} for user '{target.User}'. " +
                $"Check that the user is right and that the matching public key is in ~{target.User}/.ssh/authorized_keys on {target.Host}.",
            SocketException { SocketErrorCode: SocketError.ConnectionRefused } =>
                $"SSH target {target}: connection refused by {where}{tried}. " +
                $"Check that sshd is running on {target.Host} and listening on port {target.Port}, and that the port is right.",
            SocketException { SocketErrorCode: SocketError.HostNotFound } =>
                $"SSH target {target}: the host name '{target.Host}' could not be resolved. Check the name (DNS, /etc/hosts).",
            SshOperationTimeoutException or OperationCanceledException or SocketException { SocketErrorCode: SocketError.TimedOut } =>
                $"SSH target {target}: no SSH answer from {where} within {target.ConnectTimeout.TotalSeconds:0.#} s{tried}. " +
                $"Check that {target.Host} is up and reachable from here (network, firewall) and that {target.Port} is its SSH port.",
            _ =>
                $"SSH target {target}: could not connect to {where} as '{target.User}'{tried}: {failure.Message} " +
                "Check the host, the port and that sshd is healthy there.",
        };
    }
}
