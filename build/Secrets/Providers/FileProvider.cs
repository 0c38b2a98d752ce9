using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Secrets.Providers;

/// <summary>
/// Reads <c>file:relative/path</c>, resolved against the repository root. The file must be readable by its
/// owner only (mode 600); one trailing newline is dropped.
/// </summary>
public sealed class FileProvider(string repositoryRoot) : ISecretProvider
{
    private const UnixFileMode GroupOrOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    public SecretProvider Kind => SecretProvider.File;

    public int MaxConcurrentReads => int.MaxValue;

    public async Task<string> ReadAsync(SecretReference reference, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(Path.Combine(repositoryRoot, reference.Locator));
        if (!File.Exists(path))
            throw new SecretReadException(
                $"file {path} does not exist (file:{reference.Locator}, relative to the repository root {repositoryRoot})",
                $"create it with the secret as its only line and run: chmod 600 {path}");
        RefuseSharedFile(path);
        try
        {
            return TrimOneNewline(await File.ReadAllTextAsync(path, cancellationToken));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new SecretReadException($"file {path} cannot be read ({error.Message})",
                $"make it readable by the user running the build, then run: chmod 600 {path}", error);
        }
    }

    private static void RefuseSharedFile(string path)
    {
        if (OperatingSystem.IsWindows())
            return;
        var mode = File.GetUnixFileMode(path);
        if ((mode & GroupOrOthers) != 0)
            throw new SecretReadException(
                $"file {path} is open to group or others (mode {Octal(mode)}, expected 600)",
                $"run: chmod 600 {path}");
    }

    private static string Octal(UnixFileMode mode) => Convert.ToString((int)mode & 0x1FF, 8).PadLeft(3, '0');

    private static string TrimOneNewline(string text) =>
        text.EndsWith("\r\n", StringComparison.Ordinal) ? text[..^2]
        : text.EndsWith('\n') ? text[..^1]
        : text;
}
