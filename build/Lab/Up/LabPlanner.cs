using System.Net;
using System.Net.Sockets;
using Ktrdr.Deploy.Lab.Docker;
using Ktrdr.Deploy.Lab.Planning;
using Ktrdr.Deploy.DockerClient;

namespace Ktrdr.Deploy.Lab.Up;

/// <summary>
/// Settles a lab's subnet and registry port: those of the lab when it already exists (its network and registry),
/// otherwise the parameters (checked) or values derived from the id, avoiding every network and port in use.
/// </summary>
internal static class LabPlanner
{
    public static async Task<(LabPlan Plan, string? Change)> ResolveAsync(DockerCli docker, LabRequest request, string id, CancellationToken ct)
    {
        var paths = LabPaths.For(request.Root);
        var probe = LabPlan.Create(id, SubnetChooser.Parse("172.20.0.0/24"), 0, paths, request.Topology);
        var wantedSubnet = request.Subnet is null ? (Ipv4Subnet?)null : SubnetChooser.Parse(request.Subnet);

        var existingSubnet = await NetworkSubnetAsync(docker, probe.Network, ct);
        if (existingSubnet is { } current && wantedSubnet is { } asked && asked != current)
            throw new LabException($"lab {id} is up on {current}, not {asked}: run ./build.sh LabDown first to move it to another subnet");
        var subnet = existingSubnet
                     ?? (wantedSubnet is { } w ? SubnetChooser.Check(id, w, await TakenAsync(docker, ct)) : SubnetChooser.Choose(id, await TakenAsync(docker, ct)));

        var existingPort = await PublishedPortAsync(docker, probe.RegistryContainer, ct);
        if (existingPort is { } currentPort && request.RegistryPort is { } askedPort && askedPort != currentPort)
            throw new LabException($"lab {id}'s registry is published on 127.0.0.1:{currentPort}, not {askedPort}: run ./build.sh LabDown first to change it");
        var port = existingPort
                   ?? (request.RegistryPort is { } p ? PortChooser.Check(p, IsFree) : PortChooser.Choose(id, IsFree));

        var plan = LabPlan.Create(id, subnet, port, paths, request.Topology);
        return (plan, existingSubnet is null || existingPort is null ? $"lab {id}: {subnet}, registry on 127.0.0.1:{port}" : null);
    }

    /// <summary>Subnets of every Docker network on this daemon, and every route on this machine.</summary>
    private static async Task<IReadOnlyList<TakenSubnet>> TakenAsync(DockerCli docker, CancellationToken ct)
    {
        var taken = new List<TakenSubnet>(RouteTable.ReadThisMachine());
        var ids = (await docker.RunAsync(["network", "ls", "--quiet"], ct)).Lines;
        if (ids.Count == 0) return taken;
        var inspect = await docker.RunAsync(["network", "inspect", "--format", "{{.Name}} {{range .IPAM.Config}}{{.Subnet}} {{end}}", .. ids], ct);
        foreach (var fields in inspect.Lines.Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            foreach (var text in fields.Skip(1))
                if (Ipv4Subnet.TryParse(text, out var subnet, out _))
                    taken.Add(new TakenSubnet(subnet, $"docker network {fields[0]}"));
        return taken;
    }

    private static async Task<Ipv4Subnet?> NetworkSubnetAsync(DockerCli docker, string network, CancellationToken ct)
    {
        var result = await docker.TryAsync(["network", "inspect", "--format", "{{range .IPAM.Config}}{{.Subnet}}{{end}}", network], ct);
        return result.Succeeded && Ipv4Subnet.TryParse(result.Output.Trim(), out var subnet, out _) ? subnet : null;
    }

    private static async Task<int?> PublishedPortAsync(DockerCli docker, string container, CancellationToken ct)
    {
        // from the container's configuration, so a stopped registry keeps its port
        var format = $"{{{{range (index .HostConfig.PortBindings \"{LabPlan.RegistryContainerPort}/tcp\")}}}}{{{{.HostPort}}}}{{{{end}}}}";
        var result = await docker.TryAsync(["container", "inspect", "--format", format, container], ct);
        return result.Succeeded && int.TryParse(result.Output.Trim(), out var port) ? port : null;
    }

    private static bool IsFree(int port)
    {
        try
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
