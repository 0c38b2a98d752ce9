using BuildEngine;
using Ktrdr.Deploy.Lab.Down;
using Ktrdr.Deploy.Lab.Up;
using Ktrdr.Deploy.Topology;
using Serilog;

namespace Ktrdr.Deploy.EntryPoints;

/// <summary>
/// LabUp's and LabDown's entry point (docs/lab.md): the host tools the lab needs, then the lab made or removed. The lab's
/// own errors (LabException, DockerException) are written for a person and reported as they are.
/// </summary>
public static class LabRun
{
    private const string LinuxOnly = "the lab runs on Linux only (Docker, debootstrap, OpenSSH)";

    /// <summary>What the lab needs on this machine (Test installs them too: its integration tests bring labs up).</summary>
    public static readonly HostTool[] Tools =
    [
        new("docker", "docker.io", "the lab's containers, networks and images are made with the docker client"),
        new("dockerd", "docker.io", "runs the lab when no Docker daemon answers on this machine"),
        new("docker-compose", "docker-compose", "the lab's nodes run compose v1, as some homelab nodes do"),
        new("debootstrap", "debootstrap", "builds the lab's Debian base image (no image can be pulled here)"),
        HostPackages.SshKeygen,
    ];

    /// <summary>Makes what is missing of the lab (a no-op on a lab that is up); the arguments are LabRequest's.</summary>
    public static async Task UpAsync(string root, string dockerfiles, EnvironmentTopology topology, string? labId, string? subnet,
        int? registryPort, CancellationToken ct)
    {
        if (!OperatingSystem.IsLinux()) throw new BuildFailedException(LinuxOnly);
        var missing = await HostPackages.EnsureAsync(Tools, ct);
        if (missing.Count > 0)
            throw new BuildFailedException($"the lab needs {string.Join(", ", missing.Select(t => t.Command))}: install them with " +
                                           $"apt-get update && apt-get install -y --no-install-recommends {string.Join(' ', missing.Select(t => t.Package).Distinct())}");
        await LabLauncher.UpAsync(new LabRequest(root, dockerfiles, topology, labId, subnet, registryPort), ct);
    }

    public static async Task DownAsync(string root, string? labId, CancellationToken ct)
    {
        if (!OperatingSystem.IsLinux()) throw new BuildFailedException(LinuxOnly);
        var report = await LabTeardown.DownAsync(root, labId, ct);
        if (report.NothingWasUp)
            Log.Information("lab {Id} is not up: nothing to remove", report.Id);
        else
            Log.Information("lab {Id} is down: removed {Count} item(s){Daemon}", report.Id, report.Removed.Count,
                report.DaemonStopped ? " and stopped the lab Docker daemon" : "");
    }
}
