using System.Security.Cryptography;

namespace Ktrdr.Deploy.Remote.Files;

/// <summary>Paths on the target: absolute, without a trailing slash; siblings for staging and for the previous content.</summary>
internal static class TargetPath
{
    public static string Normalize(string path, string what)
    {
        if (!path.StartsWith('/') || path.Trim('/').Length == 0)
        {
            throw new ArgumentException($"The {what} '{path}' on the target must be an absolute path below '/', e.g. /opt/ktrdr-core.");
        }

        return path.TrimEnd('/');
    }

    public static string Incoming(string directory) => $"{directory}.incoming-{RandomSuffix()}";

    public static string RandomSuffix() => Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant();

    public static string Octal(UnixFileMode mode) => Convert.ToString((int)mode & 0xFFF, 8);
}
