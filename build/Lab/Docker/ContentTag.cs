using System.Security.Cryptography;
using System.Text;

namespace Ktrdr.Deploy.Lab.Docker;

/// <summary>
/// An image tag that changes exactly when what the image is built from changes: the SHA-256 of every file in its
/// Dockerfile folder (relative path and bytes, in a fixed order) and the id of the base image.
/// </summary>
public static class ContentTag
{
    public static string Compute(string folder, string baseImageId)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"base {baseImageId}\n"));
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                     .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(Path.Combine(folder, file));
            hash.AppendData(Encoding.UTF8.GetBytes($"file {file} {bytes.Length}\n"));
            hash.AppendData(bytes);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }
}
