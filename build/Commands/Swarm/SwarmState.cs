using System.Text.Json;
using Ktrdr.Deploy.Commands.Output;
using Ktrdr.Deploy.Remote;

namespace Ktrdr.Deploy.Commands.Swarm;

/// <summary>
/// A node's place in a swarm, from <c>docker info --format '{{json .Swarm}}'</c>: whether it is in one, its swarm node id,
/// whether it is a manager, and the managers it knows (<c>addr:2377</c>), which tell whose swarm it is in.
/// </summary>
public sealed record SwarmState(string LocalNodeState, string NodeId, bool IsManager, IReadOnlyList<string> ManagerAddresses, string Error)
{
    public bool IsActive => LocalNodeState == "active";

    /// <summary>Neither in a swarm nor on its way into or out of one (<c>pending</c>, <c>error</c>, <c>locked</c> are none of these).</summary>
    public bool IsInactive => LocalNodeState == "inactive";

    /// <summary>Reads the JSON the state command prints; anything else is an error that shows what it printed.</summary>
    public static SwarmState Parse(string node, CommandResult result)
    {
        var what = $"the swarm state of {node}";
        if (!result.Succeeded) throw UnexpectedOutputException.For(what, "docker info failed", result);
        try
        {
            var json = JsonSerializer.Deserialize<SwarmJson>(result.StandardOutput.Trim(), Options)
                       ?? throw UnexpectedOutputException.For(what, "docker info printed null", result);
            return new SwarmState(json.LocalNodeState ?? "", json.NodeID ?? "", json.ControlAvailable,
                [.. (json.RemoteManagers ?? []).Select(m => m.Addr ?? "").Where(a => a.Length > 0)], json.Error ?? "");
        }
        catch (JsonException)
        {
            throw UnexpectedOutputException.For(what, "not the JSON of docker info's .Swarm", result);
        }
    }

    private sealed record SwarmJson(string? NodeID, string? LocalNodeState, bool ControlAvailable, string? Error, List<ManagerJson>? RemoteManagers);

    private sealed record ManagerJson(string? NodeID, string? Addr);

    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };
}
