using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Ktrdr.Deploy.Remote.Local;
using Ktrdr.Deploy.Remote.Ssh;

namespace Ktrdr.Deploy.Remote.Tests.Fixtures;

/// <summary>
/// A real OpenSSH server on 127.0.0.1 and a free port, with its own host key, a client key in authorized_keys,
/// and a known_hosts file that vouches for it. Started once for the "sshd" collection, killed afterwards.
/// </summary>
public sealed class SshServerFixture : IAsyncLifetime
{
    private const string Sshd = "/usr/sbin/sshd";
    private readonly TempDirectory _directory = new("ktrdr-sshd-");
    private readonly SshdLog _log = new();
    private Process? _sshd;

    public int Port { get; private set; }

    public string HostPublicKey => _directory["host_ed25519.pub"];

    /// <summary>A host key this server does not have: to stand for a changed key.</summary>
    public string OtherHostPublicKey => _directory["other_host_ed25519.pub"];

    public string ClientKey => _directory["client_ed25519"];

    /// <summary>A well-formed key that authorized_keys does not list.</summary>
    public string UnauthorizedKey => _directory["stranger_ed25519"];

    public string KnownHostsFile => _directory["known_hosts"];

    public string KnownHostsName => $"[127.0.0.1]:{Port}";

    public SshdLog Log => _log;

    public SshTarget Target(string user = "root", string? knownHosts = null, string? identity = null) =>
        new($"sshd-{user}", "127.0.0.1", Port, user, identity ?? ClientKey, knownHosts ?? KnownHostsFile);

    /// <summary>"ssh" or "local": the same contract, checked on both executors.</summary>
    public async Task<ICommandExecutor> ExecutorAsync(string kind) => kind switch
    {
        "ssh" => await SshExecutor.ConnectAsync(Target(), CancellationToken.None),
        "local" => new LocalExecutor(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "expected 'ssh' or 'local'"),
    };

    public async Task InitializeAsync()
    {
        RequirePrerequisites();
        await TestUsers.CreateAsync();
        foreach (var name in new[] { "host_ed25519", "other_host_ed25519", "client_ed25519", "stranger_ed25519" })
        {
            await Tool.NewKeyAsync(_directory.Path, name);
        }

        File.Copy(ClientKey + ".pub", _directory["authorized_keys"]);
        File.SetUnixFileMode(_directory["authorized_keys"], (UnixFileMode)Convert.ToInt32("644", 8));
        Port = FreePort();
        await File.WriteAllTextAsync(KnownHostsFile, $"{KnownHostsName} {Tool.KeyOf(HostPublicKey)}\n");
        await File.WriteAllTextAsync(_directory["sshd_config"], SshdConfig());
        Directory.CreateDirectory("/run/sshd");
        _sshd = _log.Attach(Process.Start(new ProcessStartInfo(Sshd, ["-D", "-e", "-f", _directory["sshd_config"]])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!);
        await WaitUntilListeningAsync();
    }

    public Task DisposeAsync()
    {
        _sshd?.Kill(entireProcessTree: true);
        _sshd?.WaitForExit();
        _sshd?.Dispose();
        TestUsers.RemoveSudoRule();
        _directory.Dispose();
        return Task.CompletedTask;
    }

    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static void RequirePrerequisites()
    {
        if (!File.Exists(Sshd) || !File.Exists("/usr/bin/ssh-keygen"))
        {
            throw new InvalidOperationException(
                "openssh-server is not installed: run `./build.sh Test` (it installs test prerequisites) " +
                "or `apt-get install -y openssh-server openssh-client`.");
        }

        if (Environment.UserName != "root")
        {
            throw new InvalidOperationException("The remote tests run sshd and create test users, so they must run as root.");
        }
    }

    private string SshdConfig() => string.Join('\n',
        "ListenAddress 127.0.0.1",
        $"Port {Port}",
        $"HostKey {_directory["host_ed25519"]}",
        $"AuthorizedKeysFile {_directory["authorized_keys"]}",
        $"PidFile {_directory["sshd.pid"]}",
        "PasswordAuthentication no",
        "KbdInteractiveAuthentication no",
        "PubkeyAuthentication yes",
        "PermitRootLogin prohibit-password",
        "UsePAM no",
        "StrictModes no",
        "LogLevel INFO",
        $"AllowUsers root {TestUsers.Plain} {TestUsers.Sudoer}",
        "Subsystem sftp internal-sftp",
        "");

    private async Task WaitUntilListeningAsync()
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (_sshd!.HasExited)
            {
                throw new InvalidOperationException($"sshd exited with code {_sshd.ExitCode}:\n{_log.Text}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new InvalidOperationException($"sshd never listened on 127.0.0.1:{Port}:\n{_log.Text}");
    }
}
