namespace Ktrdr.Deploy.Remote.Files;

/// <summary>Unix file modes on this machine; deploys run from Linux or macOS, where modes exist.</summary>
internal static class UnixModes
{
    private const string WindowsProblem = "Uploads keep Unix file modes, so they run from Linux or macOS, not Windows.";

    public static UnixFileMode Get(string path) =>
        OperatingSystem.IsWindows() ? throw new PlatformNotSupportedException(WindowsProblem) : File.GetUnixFileMode(path);

    public static void Set(string path, UnixFileMode mode)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException(WindowsProblem);
        }

        File.SetUnixFileMode(path, mode);
    }
}
