using System.Net;
using System.Net.Sockets;
using Ktrdr.Deploy.Remote.Ssh;
using Ktrdr.Deploy.Remote.Tests.Fixtures;

namespace Ktrdr.Deploy.Remote.Tests.Ssh;

/// <summary>Every way of not getting in ends in a message that names the target and what to check.</summary>
[Collection(SshdCollection.Name)]
public sealed class ConnectionErrorTests(SshServerFixture sshd)
{
    [Fact]
    public async Task Key_the_server_does_not_accept_is_an_authentication_error_tried_once()
    {
        var target = sshd.Target(identity: sshd.UnauthorizedKey);
        var attemptsBefore = sshd.Log.Count("Connection closed by authenticating user root");

        var error = await Assert.ThrowsAsync<RemoteException>(() => SshExecutor.ConnectAsync(target, CancellationToken.None));

        Assert.Equal(
            $"SSH target 'sshd-root' (root@127.0.0.1:{sshd.Port}): 127.0.0.1:{sshd.Port} did not accept the key {sshd.UnauthorizedKey} " +
            "for user 'root'. Check that the user is right and that the matching public key is in ~root/.ssh/authorized_keys on 127.0.0.1.",
            error.Message);
        Assert.Equal(1, await sshd.Log.CountSinceAsync("Connection closed by authenticating user root", attemptsBefore, expected: 1));
    }

    [Fact]
    public async Task Missing_identity_file_is_named()
    {
        var target = sshd.Target(identity: "/nonexistent/id_ed25519");

        var error = await Assert.ThrowsAsync<RemoteException>(() => SshExecutor.ConnectAsync(target, CancellationToken.None));

        Assert.Contains($"SSH target 'sshd-root' (root@127.0.0.1:{sshd.Port}): the identity file '/nonexistent/id_ed25519' does not exist", error.Message);
    }

    [Fact]
    public async Task Identity_file_that_is_not_a_key_is_explained()
    {
        var target = sshd.Target(identity: sshd.ClientKey + ".pub");

        var error = await Assert.ThrowsAsync<RemoteException>(() => SshExecutor.ConnectAsync(target, CancellationToken.None));

        Assert.Contains($"the identity file '{sshd.ClientKey}.pub' could not be read as a private key", error.Message);
        Assert.Contains("unencrypted OpenSSH or PEM private key", error.Message);
    }

    [Fact]
    public async Task Closed_port_is_connection_refused_after_three_tries()
    {
        var target = sshd.Target() with { Port = SshServerFixture.FreePort() };

        var error = await Assert.ThrowsAsync<RemoteException>(() => SshExecutor.ConnectAsync(target, CancellationToken.None));

        Assert.Equal(
            $"SSH target 'sshd-root' (root@127.0.0.1:{target.Port}): connection refused by 127.0.0.1:{target.Port} (tried 3 times). " +
            $"Check that sshd is running on 127.0.0.1 and listening on port {target.Port}, and that the port is right.",
            error.Message);
    }

    [Fact]
    public async Task Server_that_never_answers_times_out_after_three_tries()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var accepted = AcceptAllAsync(silent);
        var target = sshd.Target() with { Port = port, ConnectTimeout = TimeSpan.FromSeconds(1) };

        var error = await Assert.ThrowsAsync<RemoteException>(() => SshExecutor.ConnectAsync(target, CancellationToken.None));

        Assert.Contains($"no SSH answer from 127.0.0.1:{port} within 1 s (tried 3 times)", error.Message);
        Assert.Contains("Check that 127.0.0.1 is up and reachable", error.Message);
        silent.Stop();
        Assert.Equal(3, await accepted);
    }

    private static async Task<int> AcceptAllAsync(TcpListener listener)
    {
        var clients = new List<TcpClient>();
        try
        {
            while (true)
            {
                clients.Add(await listener.AcceptTcpClientAsync());
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            clients.ForEach(client => client.Dispose());
            return clients.Count;
        }
    }
}
