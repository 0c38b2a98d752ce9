namespace Ktrdr.Deploy.Remote.Files;

/// <summary>How an executor puts files into the staging directory: over SFTP, or by copying on this machine.</summary>
internal interface IFileStager
{
    Task CreateDirectoryAsync(string targetPath, CancellationToken ct);

    Task CopyFileAsync(string localPath, string targetPath, CancellationToken ct);

    Task SetModeAsync(string targetPath, UnixFileMode mode, CancellationToken ct);
}
