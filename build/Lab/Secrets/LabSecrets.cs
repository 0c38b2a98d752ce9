using Ktrdr.Deploy.Lab.Planning;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Lab.Secrets;

/// <summary>
/// Creates the secret files the lab topology names (<c>file:.artifacts/lab/secrets/NAME</c>) when they are missing:
/// directory 0700, files 0600, created with those modes (never readable by others, not even for an instant).
/// Existing files are kept, so the values survive LabUp runs. Values are never logged.
/// </summary>
internal static class LabSecrets
{
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Names of the secrets it created (empty when all existed).</summary>
    public static IReadOnlyList<string> Ensure(LabPaths paths, IEnumerable<SecretReference> secrets)
    {
        var created = new List<string>();
        foreach (var secret in secrets.Where(s => s.Provider == SecretProvider.File))
        {
            var file = Locate(paths, secret);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!, DirectoryMode);
            File.SetUnixFileMode(Path.GetDirectoryName(file)!, DirectoryMode);
            if (File.Exists(file)) continue;
            Write(file, SecretValues.Generate(secret.Name));
            created.Add(secret.Name);
        }
        return created;
    }

    /// <summary>The value of one lab secret (e.g. GHCR_TOKEN, the registry password).</summary>
    public static string Read(LabPaths paths, SecretReference secret)
    {
        var file = Locate(paths, secret);
        return File.Exists(file)
            ? File.ReadAllText(file).Trim()
            : throw new LabException($"the lab secret {secret.Name} is missing ({file}); run ./build.sh LabUp to create it");
    }

    /// <summary>Where a <c>file:</c> reference points, which must be inside the lab's folder.</summary>
    public static string Locate(LabPaths paths, SecretReference secret)
    {
        var file = Path.GetFullPath(Path.Combine(paths.Root, secret.Locator));
        if (secret.Provider != SecretProvider.File || !file.StartsWith(paths.Directory + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new LabException($"secret {secret.Name}: the lab generates only files under {paths.Directory}, " +
                                   $"found {secret}. Write it as file:.artifacts/lab/secrets/{secret.Name} in the lab topology.");
        return file;
    }

    private static void Write(string file, string value)
    {
        var options = new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = FileMode };
        using var stream = new FileStream(file, options);
        using var writer = new StreamWriter(stream);
        writer.Write(value);
    }
}
