namespace Ktrdr.Deploy.Remote.Files;

/// <summary>One file or directory under the uploaded root, with its Unix mode.</summary>
internal sealed record LocalEntry(string RelativePath, bool IsDirectory, UnixFileMode Mode);

/// <summary>A local directory listed for upload: parents before children, in ordinal order, dotfiles included.</summary>
internal sealed record LocalTree(string Root, UnixFileMode RootMode, IReadOnlyList<LocalEntry> Entries)
{
    public static LocalTree Read(string root)
    {
        if (!Directory.Exists(root))
        {
            throw new RemoteException($"The local directory '{root}' to upload does not exist.");
        }

        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.None };
        var entries = Directory.EnumerateFileSystemEntries(root, "*", options)
            .Select(path => new LocalEntry(
                Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/'),
                Directory.Exists(path),
                UnixModes.Get(path)))
            .OrderBy(entry => entry.RelativePath, StringComparer.Ordinal)
            .ToList();
        return new LocalTree(root, UnixModes.Get(root), entries);
    }

    public string LocalPath(LocalEntry entry) => Path.Combine(Root, entry.RelativePath);
}
