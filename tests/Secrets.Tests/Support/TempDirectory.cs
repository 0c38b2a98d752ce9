namespace Ktrdr.Deploy.Secrets.Tests.Support;

/// <summary>A fresh directory under the system temp folder, deleted on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("ktrdr-secrets-").FullName;

    /// <summary>Writes <paramref name="content"/> to a file relative to this directory with the given mode.</summary>
    public string WriteFile(string relativePath, string content, UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite)
    {
        var file = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, content);
        File.SetUnixFileMode(file, mode);
        return file;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
