using Ktrdr.Deploy.Remote.Ssh;
using Ktrdr.Deploy.Remote.Tests.Fixtures;

namespace Ktrdr.Deploy.Remote.Tests.Ssh;

/// <summary>One executor logs in once for all its commands, and once more for all its SFTP transfers.</summary>
[Collection(SshdCollection.Name)]
public sealed class ConnectionReuseTests(SshServerFixture sshd)
{
    private const string Login = "Accepted publickey for root";

    [Fact]
    public async Task Many_commands_and_uploads_share_one_command_connection_and_one_sftp_session()
    {
        using var local = new TempDirectory();
        using var remote = new TempDirectory();
        File.WriteAllText(local["file.txt"], "content");
        var loginsBefore = sshd.Log.Count(Login);

        await using (var executor = await SshExecutor.ConnectAsync(sshd.Target(), CancellationToken.None))
        {
            for (var index = 0; index < 20; index++)
            {
                var result = await executor.RunAsync(new RemoteCommand($"echo {index}", "count"), CancellationToken.None);
                Assert.Equal($"{index}\n", result.StandardOutput);
            }

            Assert.Equal(1, await sshd.Log.CountSinceAsync(Login, loginsBefore, expected: 1));
            await executor.UploadDirectoryAsync(local.Path, remote["app"], CancellationToken.None);
            await executor.UploadDirectoryAsync(local.Path, remote["app"], CancellationToken.None);
            await executor.WriteFileAsync(remote["single.txt"], "x", 420, CancellationToken.None);
        }

        Assert.Equal(2, await sshd.Log.CountSinceAsync(Login, loginsBefore, expected: 2));
    }
}
