using CliWrap;
using CliWrap.Buffered;
using Ktrdr.Deploy.Rendering.Tools;
using Serilog;

namespace Ktrdr.Deploy.EntryPoints;

/// <summary>A command the build needs on this machine, and the Debian package that provides it.</summary>
public sealed record HostTool(string Command, string Package, string Why);

/// <summary>
/// Makes sure host tools exist. As root on Debian/Ubuntu it installs what is missing with apt (saying what and
/// why); otherwise it says the exact command to run. Never installs anything that is already there.
/// </summary>
public static class HostPackages
{
    public static readonly HostTool Promtool = new("promtool", "prometheus", "checks prometheus.yml and every dashboard query");
    public static readonly HostTool DockerCompose = new("docker-compose", "docker-compose", "validates compose files exactly as nodes will read them");
    public static readonly HostTool Sshd = new("sshd", "openssh-server", "integration tests run a real SSH server");
    public static readonly HostTool SshKeygen = new("ssh-keygen", "openssh-client", "makes keys and known_hosts entries");
    public static readonly HostTool Alertmanager = new("prometheus-alertmanager", "prometheus-alertmanager", "the alert delivery test runs a real Alertmanager (the lab's version)");
    public static readonly HostTool Amtool = new("amtool", "prometheus-alertmanager", "checks the generated alertmanager.yml");
    public static readonly HostTool Sudo = new("sudo", "sudo", "integration tests run commands as a non-root SSH user with sudo, like the GPU VM");

    public static bool IsInstalled(HostTool tool) => Executables.Find(tool.Command) is not null;

    /// <summary>Installs the missing tools when possible. Returns the tools still missing afterwards.</summary>
    public static async Task<IReadOnlyList<HostTool>> EnsureAsync(IReadOnlyList<HostTool> tools, CancellationToken ct)
    {
        var missing = tools.Where(t => !IsInstalled(t)).ToList();
        if (missing.Count == 0) return [];
        var packages = missing.Select(t => t.Package).Distinct().ToList();
        var command = $"apt-get update && apt-get install -y --no-install-recommends {string.Join(' ', packages)}";
        if (!CanInstall())
        {
            foreach (var t in missing) Log.Warning("{Command} is missing ({Why}); install it with: {Install}", t.Command, t.Why, $"sudo {command}");
            return missing;
        }
        foreach (var t in missing) Log.Information("Installing {Package} with apt: {Why}", t.Package, t.Why);
        var env = new Dictionary<string, string?> { ["DEBIAN_FRONTEND"] = "noninteractive" };
        await Apt(["update", "-q"], env, ct);
        await Apt(["install", "-y", "-q", "--no-install-recommends", .. packages], env, ct);
        return missing.Where(t => !IsInstalled(t)).ToList();
    }

    private static async Task Apt(IReadOnlyList<string> args, IReadOnlyDictionary<string, string?> env, CancellationToken ct)
    {
        var result = await Cli.Wrap("apt-get").WithArguments(args).WithEnvironmentVariables(env)
            .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync(ct);
        if (result.ExitCode != 0)
            Log.Warning("apt-get {Args} failed ({Code}): {Error}", string.Join(' ', args), result.ExitCode,
                result.StandardError.Trim().Split('\n').LastOrDefault());
    }

    private static bool CanInstall() => System.Environment.UserName == "root" && Executables.Find("apt-get") is not null;
}
