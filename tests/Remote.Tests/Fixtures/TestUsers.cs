namespace Ktrdr.Deploy.Remote.Tests.Fixtures;

/// <summary>Two non-root users for the sudo path: one with a passwordless sudo rule, one without any.</summary>
public static class TestUsers
{
    public const string Plain = "ktrdr-remote-user";
    public const string Sudoer = "ktrdr-remote-sudoer";
    private const string SudoersFile = "/etc/sudoers.d/ktrdr-remote-tests";

    public static bool SudoInstalled => File.Exists("/usr/bin/sudo");

    public static async Task CreateAsync()
    {
        foreach (var user in new[] { Plain, Sudoer })
        {
            if (!File.ReadAllLines("/etc/passwd").Any(line => line.StartsWith(user + ":", StringComparison.Ordinal)))
            {
                await Tool.RunAsync("useradd", "--create-home", "--shell", "/bin/sh", user);
            }

            // '*' = no password, but not a locked account: sshd (UsePAM no) refuses locked ones even with a key.
            await Tool.RunAsync("usermod", "-p", "*", user);
        }

        if (SudoInstalled)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(SudoersFile)!);
            await File.WriteAllTextAsync(SudoersFile, $"{Sudoer} ALL=(root) NOPASSWD: ALL\n");
            File.SetUnixFileMode(SudoersFile, UnixFileMode.UserRead | UnixFileMode.GroupRead);
        }
    }

    public static void RemoveSudoRule() => File.Delete(SudoersFile);
}
