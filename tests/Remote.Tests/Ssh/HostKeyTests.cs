using Ktrdr.Deploy.Remote.Ssh;
using Ktrdr.Deploy.Remote.Tests.Fixtures;

namespace Ktrdr.Deploy.Remote.Tests.Ssh;

/// <summary>Every host key is checked against known_hosts; unknown and changed keys stop the connection.</summary>
[Collection(SshdCollection.Name)]
public sealed class HostKeyTests(SshServerFixture sshd) : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    public static TheoryData<string> AcceptedHostForms => new()
    {
        "[127.0.0.1]:{port}",
        "some-other-host,[127.0.0.1]:{port},10.9.9.9",
        "[127.0.0.*]:{port}",
    };

    [Theory]
    [MemberData(nameof(AcceptedHostForms))]
    public async Task Key_recorded_in_any_host_form_is_accepted(string hostField)
    {
        var knownHosts = await WriteKnownHostsAsync(
            $"127.0.0.1 {Tool.KeyOf(sshd.OtherHostPublicKey)}", // port 22 form: must not apply to this port
            $"{hostField.Replace("{port}", sshd.Port.ToString())} {Tool.KeyOf(sshd.HostPublicKey)}");

        Assert.Equal("ok\n", await RunEchoAsync(knownHosts));
    }

    [Fact]
    public async Task Hashed_entry_written_by_ssh_keygen_is_accepted()
    {
        var knownHosts = await WriteKnownHostsAsync($"{sshd.KnownHostsName} {Tool.KeyOf(sshd.HostPublicKey)}");
        await Tool.RunAsync("ssh-keygen", "-H", "-f", knownHosts);

        Assert.StartsWith("|1|", await File.ReadAllTextAsync(knownHosts));
        Assert.DoesNotContain("127.0.0.1", await File.ReadAllTextAsync(knownHosts));
        Assert.Equal("ok\n", await RunEchoAsync(knownHosts));
    }

    [Fact]
    public async Task Unknown_host_is_refused_with_its_fingerprint_and_how_to_add_it()
    {
        var knownHosts = await WriteKnownHostsAsync("@cert-authority *.lab " + Tool.KeyOf(sshd.OtherHostPublicKey));
        var before = await File.ReadAllTextAsync(knownHosts);

        var error = await Assert.ThrowsAsync<HostKeyRejectedException>(() => RunEchoAsync(knownHosts));

        Assert.Contains("Unknown host key for SSH target 'sshd-root' (root@127.0.0.1:" + sshd.Port + ")", error.Message);
        Assert.Contains("key type:    ssh-ed25519", error.Message);
        Assert.Contains("fingerprint: " + await Tool.FingerprintAsync(sshd.HostPublicKey), error.Message);
        Assert.Contains($"ssh-keyscan -p {sshd.Port} 127.0.0.1 >> {knownHosts}", error.Message);
        Assert.Contains("never trusted on first use", error.Message);
        Assert.Contains($"Note: {knownHosts} line 1: @cert-authority lines are not supported; skipped.", error.Message);
        Assert.Equal(before, await File.ReadAllTextAsync(knownHosts));
    }

    [Fact]
    public async Task Changed_host_key_is_refused_loudly_with_both_fingerprints_and_the_line()
    {
        var knownHosts = await WriteKnownHostsAsync("# lab", $"{sshd.KnownHostsName} {Tool.KeyOf(sshd.OtherHostPublicKey)}");

        var error = await Assert.ThrowsAsync<HostKeyRejectedException>(() => RunEchoAsync(knownHosts));

        Assert.StartsWith("@@@ HOST KEY CHANGED for SSH target 'sshd-root'", error.Message);
        Assert.Contains("possible man-in-the-middle attack", error.Message);
        Assert.Contains($"expected fingerprint: {await Tool.FingerprintAsync(sshd.OtherHostPublicKey)} (line 2 of {knownHosts})", error.Message);
        Assert.Contains($"got fingerprint:      {await Tool.FingerprintAsync(sshd.HostPublicKey)}", error.Message);
        Assert.Contains($"remove the old line 2 of {knownHosts}", error.Message);
    }

    [Fact]
    public async Task Host_key_refusal_is_not_retried()
    {
        var knownHosts = await WriteKnownHostsAsync();
        var attemptsBefore = sshd.Log.Count("Connection closed by 127.0.0.1");

        await Assert.ThrowsAsync<HostKeyRejectedException>(() => RunEchoAsync(knownHosts));

        Assert.Equal(1, await sshd.Log.CountSinceAsync("Connection closed by 127.0.0.1", attemptsBefore, expected: 1));
    }

    [Fact]
    public async Task Missing_known_hosts_file_stops_before_connecting()
    {
        var error = await Assert.ThrowsAsync<RemoteException>(() => RunEchoAsync(_directory["absent_known_hosts"]));

        Assert.Contains($"The known_hosts file '{_directory["absent_known_hosts"]}' does not exist", error.Message);
    }

    private async Task<string> RunEchoAsync(string knownHosts)
    {
        await using var executor = await SshExecutor.ConnectAsync(sshd.Target(knownHosts: knownHosts), CancellationToken.None);
        return (await executor.RunAsync(new RemoteCommand("echo ok", "echo"), CancellationToken.None)).StandardOutput;
    }

    private async Task<string> WriteKnownHostsAsync(params string[] lines)
    {
        var path = _directory[$"known_hosts_{Guid.NewGuid():N}"];
        await File.WriteAllLinesAsync(path, lines);
        return path;
    }
}
