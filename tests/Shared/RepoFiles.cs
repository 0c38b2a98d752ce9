namespace TestSupport;

/// <summary>Finds the repository from a test's output folder and copies trees into scratch folders.</summary>
public static class RepoFiles
{
    /// <summary>The folder holding global.json and deploy/, found by walking up from the test assembly.</summary>
    public static string Root { get; } = FindRoot();

    public static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "global.json")) && Directory.Exists(Path.Combine(dir.FullName, "deploy")))
                return dir.FullName;
        throw new InvalidOperationException("cannot find the repository root (global.json + deploy/) above " + AppContext.BaseDirectory);
    }
}
