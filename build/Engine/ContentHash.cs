using System.Security.Cryptography;
using System.Text;

namespace BuildEngine;

/// <summary>
/// SHA-256 fingerprints of what a step is made from: text lines and whole folders (each file's relative path, length
/// and bytes, in a fixed order, skipping build output, caches and VCS data). Equal fingerprints mean equal inputs, so a
/// step whose last result carries the fingerprint is up to date.
/// </summary>
public sealed class ContentHash : IDisposable
{
    /// <summary>Folder names never part of a fingerprint.</summary>
    public static readonly IReadOnlySet<string> Ignored = new HashSet<string>(StringComparer.Ordinal)
        { ".git", "bin", "obj", ".artifacts", ".venv", "venv", "node_modules", "__pycache__", ".pytest_cache", ".mypy_cache", ".ruff_cache" };

    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public ContentHash Line(string text)
    {
        _hash.AppendData(Encoding.UTF8.GetBytes(text + "\n"));
        return this;
    }

    public ContentHash File(string name, string path)
    {
        var bytes = System.IO.File.ReadAllBytes(path);
        Line($"file {name} {bytes.Length}");
        _hash.AppendData(bytes);
        return this;
    }

    /// <summary>Every file under <paramref name="root"/> (see <see cref="Files"/>), named by its relative path.</summary>
    public ContentHash Folder(string root)
    {
        foreach (var file in Files(root)) File(file, Path.Combine(root, file));
        return this;
    }

    public string Hex() => Convert.ToHexStringLower(_hash.GetHashAndReset());

    /// <summary>Every file under <paramref name="root"/> outside ignored folders and symlinked ones, as sorted '/'-separated relative paths.</summary>
    public static IReadOnlyList<string> Files(string root)
    {
        var files = new List<string>();
        var pending = new Stack<string>([root]);
        while (pending.TryPop(out var directory))
        {
            foreach (var sub in Directory.EnumerateDirectories(directory).Where(d => !Ignored.Contains(Path.GetFileName(d))))
                if (!new DirectoryInfo(sub).Attributes.HasFlag(FileAttributes.ReparsePoint)) pending.Push(sub);
            files.AddRange(Directory.EnumerateFiles(directory).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')));
        }
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    public void Dispose() => _hash.Dispose();
}
