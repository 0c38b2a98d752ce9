using Ktrdr.Deploy.Commands.Swarm;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Rollout.Swarm;

/// <summary>What a node needs to be in the environment's swarm: core its manager, every other node a worker of it.</summary>
public enum SwarmStep { Member, Init, Join }

/// <summary>
/// Decides, from each node's <see cref="SwarmState"/>, which node needs <c>swarm init</c> (core, when it is in no swarm) or
/// <c>swarm join</c> (a node in no swarm); a node already in core's swarm is left alone. A node in some other swarm, or
/// one stuck on its way in or out, is an error naming what to run: this tool never makes a node leave a swarm.
/// </summary>
public static class SwarmMembership
{
    public static IReadOnlyDictionary<string, SwarmStep> Decide(NodeSpec core, IReadOnlyDictionary<string, SwarmState> states, string coreAddress)
    {
        var problems = new List<string>();
        var coreState = states[core.Name];
        var steps = new Dictionary<string, SwarmStep>(StringComparer.Ordinal);
        if (coreState.IsInactive) steps[core.Name] = SwarmStep.Init;
        else if (coreState.IsActive && coreState.IsManager) steps[core.Name] = SwarmStep.Member;
        else problems.Add(coreState.IsActive
            ? $"{core.Name} is a worker of another swarm (managers {string.Join(", ", coreState.ManagerAddresses)}); the core node must be the manager: run docker swarm leave on it first"
            : Stuck(core.Name, coreState));

        // the addresses that name core's swarm: what its own manager list says, or what the join will use after init
        var coreManagers = coreState.IsActive ? coreState.ManagerAddresses : [SwarmCommands.ManagerEndpoint(coreAddress)];
        foreach (var (node, state) in states.Where(s => s.Key != core.Name).OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            if (state.IsInactive) steps[node] = SwarmStep.Join;
            else if (state.IsActive && steps.GetValueOrDefault(core.Name) == SwarmStep.Member && state.ManagerAddresses.Intersect(coreManagers).Any())
                steps[node] = SwarmStep.Member;
            else problems.Add(state.IsActive
                ? $"{node} is in another swarm (managers {string.Join(", ", state.ManagerAddresses)}), not {core.Name}'s: run docker swarm leave on it first"
                : Stuck(node, state));
        }
        if (problems.Count > 0) throw new RolloutException("the nodes cannot form the swarm, no node was touched:\n  - " + string.Join("\n  - ", problems));
        return steps;
    }

    private static string Stuck(string node, SwarmState state) =>
        $"{node}'s swarm state is {state.LocalNodeState}{(state.Error.Length > 0 ? $" ({state.Error})" : "")}: repair it by hand (docker info; docker swarm leave --force)";
}
