namespace Ktrdr.Deploy.Images.Tests.Support;

/// <summary>A temporary folder for one test, removed afterwards.</summary>
public sealed class ScratchFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("ktrdr-images-").FullName;

    /// <summary>Writes <paramref name="text"/> to a file under the folder, creating its directories; returns its full path.</summary>
    public string Write(string relative, string text)
    {
        var file = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text);
        return file;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
