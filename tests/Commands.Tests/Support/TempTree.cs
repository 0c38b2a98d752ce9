namespace Commands.Tests.Support;

/// <summary>A scratch directory under /tmp, open to every user (so a test can act as uid 999 in it), removed afterwards.</summary>
internal sealed class TempTree : IDisposable
{
    public TempTree()
    {
        Root = System.IO.Directory.CreateTempSubdirectory("ktrdr-commands-").FullName;
        System.IO.File.SetUnixFileMode(Root, (UnixFileMode)Convert.ToInt32("755", 8));
    }

    public string Root { get; }

    public string Path(string relative) => System.IO.Path.Combine(Root, relative);

    public string Directory(string relative, string mode = "755")
    {
        var path = Path(relative);
        System.IO.Directory.CreateDirectory(path);
        System.IO.File.SetUnixFileMode(path, (UnixFileMode)Convert.ToInt32(mode, 8));
        return path;
    }

    public string File(string relative, string mode = "644")
    {
        var path = Path(relative);
        System.IO.File.WriteAllText(path, "content\n");
        System.IO.File.SetUnixFileMode(path, (UnixFileMode)Convert.ToInt32(mode, 8));
        return path;
    }

    public UnixFileMode ModeOf(string path) => System.IO.File.GetUnixFileMode(path);

    public void Dispose() => System.IO.Directory.Delete(Root, recursive: true);
}
