using Ktrdr.Deploy.Remote.Files;
using Renci.SshNet;

namespace Ktrdr.Deploy.Remote.Ssh;

/// <summary>Stages an upload over SFTP.</summary>
internal sealed class SftpStager(SftpClient sftp) : IFileStager
{
    public Task CreateDirectoryAsync(string targetPath, CancellationToken ct) => sftp.CreateDirectoryAsync(targetPath, ct);

    public async Task CopyFileAsync(string localPath, string targetPath, CancellationToken ct)
    {
        await using var source = new FileStream(localPath, FileMode.Open, FileAccess.Read);
        await sftp.UploadFileAsync(source, targetPath, ct);
    }

    public Task SetModeAsync(string targetPath, UnixFileMode mode, CancellationToken ct)
    {
        // SSH.NET takes the mode as the digits of its octal form: 0644 is passed as 644.
        sftp.ChangePermissions(targetPath, short.Parse(TargetPath.Octal(mode)));
        return Task.CompletedTask;
    }
}
