using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Lab.State;

/// <summary>Points a lab topology at a running lab: each node's connect address and the registry's loopback port.</summary>
public static class LabTopology
{
    /// <summary>
    /// The topology with every node's <see cref="NodeSpec.Address"/> set to its lab address and
    /// <see cref="RegistrySpec.Url"/> pushing to <c>127.0.0.1:&lt;port&gt;</c>; the pull URL (registry.ktrdr.lab:5000) stays.
    /// </summary>
    public static EnvironmentTopology Apply(EnvironmentTopology env, LabState state)
    {
        var nodes = env.Nodes.Select(node => state.Nodes.TryGetValue(node.Name, out var ip)
            ? node with { Address = ip }
            : throw new LabException($"the lab {state.Id} has no node '{node.Name}' (it has {string.Join(", ", state.Nodes.Keys)}); " +
                                     $"{env.SourceFile} changed since LabUp: run ./build.sh LabDown, then LabUp.")).ToList();
        var path = env.Registry.Url.Contains('/', StringComparison.Ordinal) ? env.Registry.Url[env.Registry.Url.IndexOf('/', StringComparison.Ordinal)..] : "";
        var registry = env.Registry with { Url = state.RegistryPushHost + path };
        return env with { Nodes = nodes, Registry = registry };
    }
}
