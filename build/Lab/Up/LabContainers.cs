using Ktrdr.Deploy.Lab.Docker;
using Ktrdr.Deploy.Lab.Planning;
using Serilog;
using Ktrdr.Deploy.DockerClient;

namespace Ktrdr.Deploy.Lab.Up;

/// <summary>
/// Brings the lab's network, volumes and containers to the plan: creates what is missing, starts what is stopped,
/// replaces a container whose image was rebuilt, and leaves everything else alone. Containers start in parallel.
/// </summary>
internal static class LabContainers
{
    public static async Task<string?> EnsureNetworkAsync(DockerCli docker, LabPlan plan, CancellationToken ct)
    {
        if ((await docker.TryAsync(["network", "inspect", "--format", "{{.Name}}", plan.Network], ct)).Succeeded) return null;
        await docker.RunAsync(DockerArgs.CreateNetwork(plan), ct);
        return $"created {plan.Network} ({plan.Subnet})";
    }

    public static async Task<string?> EnsureVolumesAsync(DockerCli docker, LabPlan plan, CancellationToken ct)
    {
        var existing = (await docker.RunAsync(DockerArgs.ListLabelled("volume", plan.Label), ct)).Lines;
        var missing = plan.Volumes.Except(existing).ToList();
        foreach (var volume in missing) await docker.RunAsync(DockerArgs.CreateVolume(plan, volume), ct);
        return missing.Count == 0 ? null : $"created {string.Join(", ", missing)}";
    }

    public static async Task<string?> EnsureContainersAsync(DockerCli docker, IReadOnlyList<ContainerSpec> specs, string label, CancellationToken ct)
    {
        var listing = await docker.RunAsync(["ps", "--all", "--filter", $"label={label}", "--format",
            $"{{{{.Names}}}}\t{{{{.Image}}}}\t{{{{.State}}}}\t{{{{.Label \"{ContainerSpec.SpecLabel}\"}}}}"], ct);
        var current = listing.Lines.Select(l => l.Split('\t')).Where(f => f.Length == 4).ToDictionary(f => f[0], f => (Image: f[1], State: f[2], Spec: f[3]));
        var actions = await Task.WhenAll(specs.Select(spec => EnsureOneAsync(docker, spec, current.TryGetValue(spec.Name, out var c) ? c : null, ct)));
        var changes = actions.OfType<string>().ToList();
        return changes.Count == 0 ? null : string.Join("; ", changes);
    }

    private static async Task<string?> EnsureOneAsync(DockerCli docker, ContainerSpec spec, (string Image, string State, string Spec)? current, CancellationToken ct)
    {
        if (current is { } c && c.Image == spec.Image && c.Spec == spec.SpecHash)
        {
            if (c.State == "running") return null;
            await docker.RunAsync(["start", spec.Name], ct);
            return $"started {spec.Name}";
        }
        var replaced = current is not null;
        if (replaced)
        {
            Log.Information("  {Container} was made from {Old} with settings {OldSpec}; the lab's are now {New} with {NewSpec}: replacing it",
                spec.Name, current!.Value.Image, current.Value.Spec, spec.Image, spec.SpecHash);
            await docker.RunAsync(["rm", "--force", spec.Name], ct);
        }
        await docker.RunAsync(spec.LabelledRunArguments, ct);
        return replaced ? $"replaced {spec.Name}" : $"created {spec.Name}";
    }
}
