using Ktrdr.Deploy.Remote.Files;

namespace Ktrdr.Deploy.Remote.Local;

/// <summary>Stages an upload on this machine by plain copies.</summary>
internal sealed class LocalStager : IFileStager
{
    public Task CreateDirectoryAsync(string targetPath, CancellationToken ct)
    {
        Directory.CreateDirectory(targetPath);
        return Task.CompletedTask;
    }

    public async Task CopyFileAsync(string localPath, string targetPath, CancellationToken ct)
    {
        await using var source = new FileStream(localPath, FileMode.Open, FileAccess.Read);
        await using var target = new FileStream(targetPath, FileMode.CreateNew, FileAccess.Write);
        await source.CopyToAsync(target, ct);
    }

    public Task SetModeAsync(string targetPath, UnixFileMode mode, CancellationToken ct)
    {
        UnixModes.Set(targetPath, mode);
        return Task.CompletedTask;
    }
}
