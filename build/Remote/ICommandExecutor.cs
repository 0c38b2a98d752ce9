namespace Ktrdr.Deploy.Remote;

/// <summary>Runs commands and moves files on one target: a node over SSH, or this machine.</summary>
public interface ICommandExecutor : IAsyncDisposable
{
    /// <summary>The target's name, e.g. "workers-b" or "local".</summary>
    string Target { get; }

    /// <summary>Runs the command; a non-zero exit is a result, not an exception. Timeouts and transport failures throw <see cref="RemoteException"/>.</summary>
    Task<CommandResult> RunAsync(RemoteCommand command, CancellationToken ct);

    /// <summary>
    /// After success <paramref name="remoteDirectory"/> holds exactly the local directory's content (file modes kept)
    /// and its previous content is at <c>remoteDirectory.previous</c>; on failure it is untouched.
    /// With <paramref name="elevate"/> the directory moves (staging, swap, clean-up) run through sudo, for a user who owns
    /// the deploy directory but not its parent (the GPU VM's /opt); the files themselves are still written as the user.
    /// </summary>
    Task UploadDirectoryAsync(string localDirectory, string remoteDirectory, CancellationToken ct, bool elevate = false);

    /// <summary>The file's text, or null when it does not exist.</summary>
    Task<string?> ReadFileAsync(string remotePath, CancellationToken ct);

    /// <summary>Writes the file atomically (temporary file + rename); mode is the Unix permission bits, e.g. 0b110_000_000 for 0600.</summary>
    Task WriteFileAsync(string remotePath, string content, int mode, CancellationToken ct);
}
