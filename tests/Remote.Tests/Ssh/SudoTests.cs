using Ktrdr.Deploy.Remote.Ssh;
using Ktrdr.Deploy.Remote.Tests.Fixtures;

namespace Ktrdr.Deploy.Remote.Tests.Ssh;

/// <summary>Non-root users (the GPU VM's) reach root through `sudo -n`, or get told why they cannot.</summary>
[Collection(SshdCollection.Name)]
public sealed class SudoTests(SshServerFixture sshd)
{
    private static readonly RemoteCommand WhoAmI = new("id -u; printf %s \"$TOKEN\"", "check identity")
    {
        SecretEnvironment = new Dictionary<string, string> { ["TOKEN"] = "through sudo ✓" },
    };

    [Fact]
    public async Task User_with_a_passwordless_sudo_rule_runs_as_root_only_when_asked()
    {
        await using var executor = await SshExecutor.ConnectAsync(sshd.Target(TestUsers.Sudoer), CancellationToken.None);

        var plain = await executor.RunAsync(WhoAmI, CancellationToken.None);
        var elevated = executor.RunAsync(WhoAmI with { Sudo = true }, CancellationToken.None);

        Assert.NotEqual("0", plain.StandardOutput.Split('\n')[0]);
        if (TestUsers.SudoInstalled)
        {
            Assert.Equal("0\nthrough sudo ✓", (await elevated).StandardOutput);
        }
        else
        {
            Assert.Contains("sudo is not installed there", (await Assert.ThrowsAsync<RemoteException>(() => elevated)).Message);
        }
    }

    [Fact]
    public async Task User_whom_sudo_would_ask_for_a_password_gets_a_clear_error()
    {
        await using var executor = await SshExecutor.ConnectAsync(sshd.Target(TestUsers.Plain), CancellationToken.None);

        var error = await Assert.ThrowsAsync<RemoteException>(() => executor.RunAsync(WhoAmI with { Sudo = true }, CancellationToken.None));

        Assert.Contains($"Target 'sshd-{TestUsers.Plain}' ({TestUsers.Plain}@127.0.0.1:{sshd.Port}): 'check identity' needs root", error.Message);
        Assert.Contains(
            TestUsers.SudoInstalled ? $"'{TestUsers.Plain} ALL=(root) NOPASSWD: ALL'" : "sudo is not installed there",
            error.Message);
    }
}
