namespace BuildEngine;

/// <summary>The root directory: <c>--root</c> when given, else the nearest folder upwards that contains <c>.nuke/</c>.</summary>
public static class RootDirectoryLocator
{
    public static AbsolutePath Find(string workingDirectory, string? rootOption)
    {
        if (rootOption is not null)
        {
            var root = new AbsolutePath(Path.Combine(workingDirectory, rootOption));
            return Directory.Exists(root)
                ? root
                : throw new UsageException($"--root {rootOption}: directory {root} does not exist.");
        }

        for (var directory = new AbsolutePath(workingDirectory); directory is not null; directory = directory.Parent)
            if (Directory.Exists(directory / ".nuke"))
                return directory;
        throw new UsageException(
            $"No .nuke/ folder in {workingDirectory} or any folder above it. Run from inside the repository or pass --root <dir>.");
    }
}
