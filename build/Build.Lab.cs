using BuildEngine;
using Ktrdr.Deploy.EntryPoints;

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

    Target LabUp => _ => _
        .Description("Start the embedded lab: registry, DNS and four nodes (core, workers-b, workers-c, gpu) with sshd and dockerd")
        .OnlyWhenStatic(() => IsLab)
        .Uses(() => LabId, () => LabSubnet, () => LabRegistryPort, () => DeployRoot)
        .Executes(ct => LabRun.UpAsync(RootDirectory, Path.Combine(DeployRootPath, "docker", "lab"), LoadTopology(), LabId, LabSubnet, LabRegistryPort, ct));

    Target LabDown => _ => _
        .Description("Remove every container, network, volume and process the lab created, and nothing else (images stay as the cache)")
        .Uses(() => LabId)
        .Executes(ct => LabRun.DownAsync(RootDirectory, LabId, ct));
}
