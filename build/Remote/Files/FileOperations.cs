namespace Ktrdr.Deploy.Remote.Files;

/// <summary>Reads, writes and uploads through an executor's own command runner, so every executor shares one code path.</summary>
internal sealed class FileOperations(string target, Func<RemoteCommand, CancellationToken, Task<CommandResult>> run)
{
    public async Task<string?> ReadFileAsync(string path, CancellationToken ct)
    {
        var command = FileScripts.Read(TargetPath.Normalize(path, "file"));
        var result = await run(command, ct);
        return result.ExitCode == FileScripts.AbsentExitCode ? null : Require(command, result).StandardOutput;
    }

    public async Task WriteFileAsync(string path, string content, int mode, CancellationToken ct)
    {
        if (mode is < 0 or > 0xFFF)
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, $"Mode for '{path}' must be Unix permission bits between 0 and 07777.");
        }

        await RunRequiredAsync(FileScripts.Write(TargetPath.Normalize(path, "file"), content, (UnixFileMode)mode), ct);
    }

    public async Task UploadDirectoryAsync(string localDirectory, string directory, IFileStager stager, CancellationToken ct, bool elevate = false)
    {
        directory = TargetPath.Normalize(directory, "directory");
        var tree = LocalTree.Read(localDirectory);
        var incoming = TargetPath.Incoming(directory);
        await RunRequiredAsync(FileScripts.PrepareIncoming(incoming) with { Sudo = elevate }, ct);
        try
        {
            await StageAsync(tree, incoming, stager, ct);
            await RunRequiredAsync(FileScripts.Swap(directory, incoming, tree.RootMode) with { Sudo = elevate }, ct);
        }
        catch (Exception failure)
        {
            var discarded = await TryDiscardAsync(incoming, elevate);
            if (failure is OperationCanceledException or RemoteException)
            {
                throw;
            }

            throw new RemoteException(
                $"Upload of '{localDirectory}' to {target}:{directory} failed: {failure.Message} {directory} was left as it was" +
                (discarded ? " and the staging directory was removed." : $"; remove the staging directory {incoming} by hand."),
                failure);
        }
    }

    private async Task<bool> TryDiscardAsync(string incoming, bool elevate)
    {
        try
        {
            return (await run(FileScripts.Discard(incoming) with { Sudo = elevate }, CancellationToken.None)).Succeeded;
        }
        catch (Exception)
        {
            return false; // the original failure is what the person needs to see
        }
    }

    private static async Task StageAsync(LocalTree tree, string incoming, IFileStager stager, CancellationToken ct)
    {
        foreach (var entry in tree.Entries)
        {
            var targetPath = $"{incoming}/{entry.RelativePath}";
            await Describe(entry, entry.IsDirectory
                ? stager.CreateDirectoryAsync(targetPath, ct)
                : CopyAsync(stager, tree.LocalPath(entry), targetPath, entry.Mode, ct));
        }

        // Directory modes last, so that a read-only directory does not stop its own content from being written.
        foreach (var entry in tree.Entries.Where(entry => entry.IsDirectory).Reverse())
        {
            await Describe(entry, stager.SetModeAsync($"{incoming}/{entry.RelativePath}", entry.Mode, ct));
        }
    }

    private static async Task CopyAsync(IFileStager stager, string localPath, string targetPath, UnixFileMode mode, CancellationToken ct)
    {
        await stager.CopyFileAsync(localPath, targetPath, ct);
        await stager.SetModeAsync(targetPath, mode, ct);
    }

    private static async Task Describe(LocalEntry entry, Task step)
    {
        try
        {
            await step;
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not RemoteException)
        {
            throw new IOException($"could not copy '{entry.RelativePath}': {ex.Message}.", ex);
        }
    }

    private async Task RunRequiredAsync(RemoteCommand command, CancellationToken ct) => Require(command, await run(command, ct));

    private CommandResult Require(RemoteCommand command, CommandResult result) =>
        result.Succeeded
            ? result
            : throw new RemoteException(
                $"Target {target}: '{command.Description}' failed with exit code {result.ExitCode}: {result.StandardError.Trim()}");
}
