using CliWrap;
using CliWrap.Buffered;
using Ktrdr.Deploy.Lab.Planning;

namespace Ktrdr.Deploy.Lab.Up;

/// <summary>
/// The lab's files on this machine: its SSH key pair, the read-only files its containers mount (the authorized key,
/// the names the DNS serves) and the shared data directory. Written only when they differ.
/// </summary>
internal static class LabFiles
{
    public static async Task<string?> EnsureKeyPairAsync(LabPlan plan, CancellationToken ct)
    {
        var paths = plan.Paths;
        if (File.Exists(paths.PrivateKey) && File.Exists(paths.PublicKey)) return null;
        Directory.CreateDirectory(paths.SshDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.Delete(paths.PrivateKey);
        File.Delete(paths.PublicKey);
        var result = await Cli.Wrap("ssh-keygen").WithArguments(["-q", "-t", "ed25519", "-N", "", "-C", $"ktrdr-lab-{plan.Id}", "-f", paths.PrivateKey])
            .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync(ct);
        if (result.ExitCode != 0)
            throw new LabException($"ssh-keygen could not create {paths.PrivateKey} (exit {result.ExitCode}): {result.StandardError.Trim()}");
        return $"created {Path.GetRelativePath(paths.Root, paths.PrivateKey)}";
    }

    /// <summary>The authorized key and the DNS hosts file under .artifacts/lab/mounts, and the shared directory.</summary>
    public static string? EnsureMounts(LabPlan plan)
    {
        var paths = plan.Paths;
        Directory.CreateDirectory(paths.Mounts);
        Directory.CreateDirectory(paths.Shared);
        var changed = new List<string>();
        if (WriteIfChanged(paths.AuthorizedKeys, File.ReadAllText(paths.PublicKey))) changed.Add("authorized_keys");
        if (WriteIfChanged(paths.DnsHosts, DnsHostsText(plan))) changed.Add("dns hosts");
        return changed.Count == 0 ? null : $"wrote {string.Join(", ", changed)}";
    }

    /// <summary>dnsmasq's hosts file: one <c>ip name</c> line per lab name.</summary>
    public static string DnsHostsText(LabPlan plan) =>
        $"# lab {plan.Id}: served by {plan.DnsContainer}\n" + string.Concat(plan.HostEntries.Select(e => $"{e.Ip} {e.Name}\n"));

    /// <summary>Writes the file (atomically) unless it already holds exactly this text; true when it wrote.</summary>
    public static bool WriteIfChanged(string path, string text)
    {
        if (File.Exists(path) && File.ReadAllText(path) == text) return false;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, text);
        File.Move(temporary, path, overwrite: true);
        return true;
    }
}
