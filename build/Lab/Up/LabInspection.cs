using System.Text.Json;
using Ktrdr.Deploy.Lab.Planning;

namespace Ktrdr.Deploy.Lab.Up;

/// <summary>One container of the lab as <c>docker inspect</c> shows it.</summary>
internal sealed record InspectedContainer(string Name, string Image, bool Running, string StartedAt, string? Spec);

/// <summary>
/// What one <c>docker inspect</c> of every object of a lab (base image, network, volumes, containers; printed as
/// <c>{{json .}}</c>, one object per line) shows, and whether that proves the lab is up as the last full LabUp left it:
/// the network on the lab's subnet, every volume, every container running from the image and settings the lab wants
/// now and not restarted since that LabUp found its sshd and dockerd answering and read its host key.
/// </summary>
internal sealed record LabInspection(string? BaseImageId, string? NetworkSubnet, IReadOnlySet<string> Volumes, IReadOnlyDictionary<string, InspectedContainer> Containers)
{
    public static LabInspection Parse(string output)
    {
        string? baseId = null, subnet = null;
        var volumes = new HashSet<string>(StringComparer.Ordinal);
        var containers = new Dictionary<string, InspectedContainer>(StringComparer.Ordinal);
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            using var json = JsonDocument.Parse(line);
            var o = json.RootElement;
            if (o.TryGetProperty("State", out var state) && o.TryGetProperty("Config", out var config))
            {
                var name = o.GetProperty("Name").GetString()!.TrimStart('/');
                var labels = config.TryGetProperty("Labels", out var l) && l.ValueKind == JsonValueKind.Object ? l : default;
                containers[name] = new InspectedContainer(name, config.GetProperty("Image").GetString() ?? "", state.GetProperty("Running").GetBoolean(),
                    state.GetProperty("StartedAt").GetString() ?? "",
                    labels.ValueKind == JsonValueKind.Object && labels.TryGetProperty(ContainerSpec.SpecLabel, out var spec) ? spec.GetString() : null);
            }
            else if (o.TryGetProperty("RepoTags", out _)) baseId = o.GetProperty("Id").GetString();
            else if (o.TryGetProperty("IPAM", out var ipam))
                subnet = ipam.GetProperty("Config") is { ValueKind: JsonValueKind.Array } configs && configs.GetArrayLength() > 0
                    ? configs[0].GetProperty("Subnet").GetString() : null;
            else if (o.TryGetProperty("Mountpoint", out _)) volumes.Add(o.GetProperty("Name").GetString()!);
        }
        return new LabInspection(baseId, subnet, volumes, containers);
    }

    /// <summary>Null when the lab is up as <paramref name="started"/> recorded it, else why not (then LabUp checks every part).</summary>
    public string? Differs(LabPlan plan, IReadOnlyList<ContainerSpec> wanted, IReadOnlyDictionary<string, string>? started)
    {
        if (started is null) return "no record of the last full check";
        if (NetworkSubnet != plan.Subnet.ToString()) return $"network {plan.Network} is not on {plan.Subnet}";
        if (plan.Volumes.FirstOrDefault(v => !Volumes.Contains(v)) is { } volume) return $"volume {volume} is missing";
        foreach (var spec in wanted)
        {
            if (!Containers.TryGetValue(spec.Name, out var c)) return $"{spec.Name} is missing";
            if (!c.Running) return $"{spec.Name} is not running";
            if (c.Image != spec.Image || c.Spec != spec.SpecHash) return $"{spec.Name} was made from other settings";
            if (!started.TryGetValue(spec.Name, out var at) || at != c.StartedAt) return $"{spec.Name} (re)started since the last full check";
        }
        return null;
    }
}
