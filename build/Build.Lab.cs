using System.Runtime.Versioning;
using BuildEngine;
using Ktrdr.Deploy.EntryPoints;
using Ktrdr.Deploy.Lab;
using Ktrdr.Deploy.Lab.Down;
using Ktrdr.Deploy.Lab.Up;
using Serilog;

namespace Ktrdr.Build;

/// <summary>
/// The embedded lab (docs/lab.md): a registry, a DNS server and four nodes with their own sshd and dockerd, in
/// containers on this machine. LabUp makes what is missing and is a no-op on a lab that is up; LabDown removes
/// exactly what the lab made. Other targets reach the lab through LabState.Load and LabTopology.Apply.
/// </summary>
partial class Build
{
    [Parameter("Lab id, part of every name the lab creates (default: a short hash of this checkout's path)")]
    readonly string? LabId;

    [Parameter("Lab network as a.b.c.d/n (default: a free /24 in 172.20-31.x derived from the lab id)")]
    readonly string? LabSubnet;

    [Parameter("Port of the lab registry on 127.0.0.1 (default: a free port in 15000-15999 derived from the lab id)")]
    readonly int? LabRegistryPort;

    static readonly HostTool[] LabTools =
    [
        new("docker", "docker.io", "the lab's containers, networks and images are made with the docker client"),
        new("dockerd", "docker.io", "runs the lab when no Docker daemon answers on this machine"),
        new("docker-compose", "docker-compose", "the lab's nodes run compose v1, as some homelab nodes do"),
        new("debootstrap", "debootstrap", "builds the lab's Debian base image (no image can be pulled here)"),
        HostPackages.SshKeygen,
    ];

    Target LabUp => _ => _
        .Description("Start the embedded lab: registry, DNS and four nodes (core, workers-b, workers-c, gpu) with sshd and dockerd")
        .OnlyWhenStatic(() => IsLab)
        .Uses(() => LabId, () => LabSubnet, () => LabRegistryPort, () => DeployRoot)
        .Executes(async ct =>
        {
            if (!OperatingSystem.IsLinux()) throw new BuildFailedException("the lab runs on Linux only (Docker, debootstrap, OpenSSH)");
            var missing = await HostPackages.EnsureAsync(LabTools, ct);
            if (missing.Count > 0)
                throw new BuildFailedException($"the lab needs {string.Join(", ", missing.Select(t => t.Command))}: install them with " +
                                               $"apt-get update && apt-get install -y --no-install-recommends {string.Join(' ', missing.Select(t => t.Package).Distinct())}");
            await StartLab(new LabRequest(RootDirectory, Path.Combine(DeployRootPath, "docker", "lab"), LoadTopology(), LabId, LabSubnet, LabRegistryPort), ct);
        });

    Target LabDown => _ => _
        .Description("Remove every container, network, volume and process the lab created, and nothing else (images stay as the cache)")
        .Uses(() => LabId)
        .Executes(async ct =>
        {
            if (!OperatingSystem.IsLinux()) throw new BuildFailedException("the lab runs on Linux only (Docker, debootstrap, OpenSSH)");
            var report = await StopLab(ct);
            if (report.NothingWasUp)
                Log.Information("lab {Id} is not up: nothing to remove", report.Id);
            else
                Log.Information("lab {Id} is down: removed {Count} item(s){Daemon}", report.Id, report.Removed.Count,
                    report.DaemonStopped ? " and stopped the lab Docker daemon" : "");
        });

    // The lab's errors are written for a person already: they become the build's failure message as they are.
    [SupportedOSPlatform("linux")]
    static async Task StartLab(LabRequest request, CancellationToken ct)
    {
        try { await LabLauncher.UpAsync(request, ct); }
        catch (LabException e) { throw new BuildFailedException(e.Message, e); }
    }

    [SupportedOSPlatform("linux")]
    async Task<LabTeardownReport> StopLab(CancellationToken ct)
    {
        try { return await LabTeardown.DownAsync(RootDirectory, LabId, ct); }
        catch (LabException e) { throw new BuildFailedException(e.Message, e); }
    }
}
