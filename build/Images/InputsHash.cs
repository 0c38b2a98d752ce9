using System.Security.Cryptography;
using System.Text;

namespace Ktrdr.Deploy.Images;

/// <summary>
/// The SHA-256 of everything an image is built from: the files of its context (relative path and bytes, in a fixed
/// order, without build output, caches or VCS data), its Dockerfile, its build arguments and labels. Equal hashes mean
/// an identical build, so an image carrying the hash in its <see cref="Label"/> is up to date.
/// </summary>
public static class InputsHash
{
    public const string Label = "org.ktrdr.inputs";

    /// <summary>Folder names never part of an image's inputs.</summary>
    public static readonly IReadOnlySet<string> Ignored = new HashSet<string>(StringComparer.Ordinal)
        { ".git", "bin", "obj", ".artifacts", ".venv", "venv", "node_modules", "__pycache__", ".pytest_cache", ".mypy_cache", ".ruff_cache" };

    public static string Compute(ImageRecipe recipe, IReadOnlyDictionary<string, string> arguments, IReadOnlyDictionary<string, string> labels)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Line(string text) => hash.AppendData(Encoding.UTF8.GetBytes(text + "\n"));

        Line($"kind {recipe.Kind}");
        foreach (var (name, value) in arguments.OrderBy(p => p.Key, StringComparer.Ordinal)) Line($"arg {name}={value}");
        foreach (var (name, value) in labels.OrderBy(p => p.Key, StringComparer.Ordinal)) Line($"label {name}={value}");
        AppendFile(hash, "Dockerfile", recipe.Dockerfile);
        var root = recipe.Kind == ContextKind.Checkout ? recipe.Source : recipe.Folder;
        foreach (var file in Files(root)) AppendFile(hash, file, Path.Combine(root, file));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Every file under <paramref name="root"/> outside ignored folders, as sorted '/'-separated relative paths.</summary>
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

    private static void AppendFile(IncrementalHash hash, string name, string path)
    {
        var bytes = File.ReadAllBytes(path);
        hash.AppendData(Encoding.UTF8.GetBytes($"file {name} {bytes.Length}\n"));
        hash.AppendData(bytes);
    }
}
