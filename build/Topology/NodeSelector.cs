using Ktrdr.Deploy.Topology.Text;

namespace Ktrdr.Deploy.Topology;

/// <summary>Turns --target-node values into nodes: names (case-insensitive), comma lists, or 'all'.</summary>
public static class NodeSelector
{
    /// <summary>
    /// The named nodes in topology order, or every node (of <paramref name="role"/>, when given) when no name or 'all'
    /// is given. An unknown name, a node of another role, or a value that names no node at all (<c>--target-node ''</c>)
    /// throws with the valid names.
    /// </summary>
    public static IReadOnlyList<NodeSpec> Select(EnvironmentTopology env, IReadOnlyList<string> names, NodeRole? role = null)
    {
        var candidates = env.Nodes.Where(n => role is null || n.Role == role).ToList();
        var wanted = Wanted(env, names, candidates);
        if (wanted is null) return candidates;

        var problems = wanted.Where(w => candidates.All(c => !Is(c, w)))
            .Select(name => env.FindNode(name) is { } other
                ? new Diagnostic("--target-node", 0, 0, "", $"node \"{other.Name}\" has role {Lower(other.Role)}, not {Lower(role!.Value)}",
                    $"this target deploys to: {string.Join(", ", candidates.Select(c => c.Name))}")
                : Unknown(env, name, candidates))
            .ToList();
        if (problems.Count > 0) throw new InvalidInputException(problems);
        return candidates.Where(c => wanted.Any(w => Is(c, w))).ToList();
    }

    /// <summary>
    /// Before any target runs: a named node that none of the planned deploy targets deploys is an error naming its role
    /// and the target that does (<see cref="ForDeploy"/>'s rule, for the first planned deploy target's role).
    /// </summary>
    public static void CheckPlanned(EnvironmentTopology env, IReadOnlyList<string> names, IReadOnlyCollection<string> plannedTargets)
    {
        var roles = Enum.GetValues<NodeRole>().Where(r => plannedTargets.Contains(DeployTargets.Of(r)[0])).ToList();
        if (names.Count > 0 && roles.Count > 0) ForDeploy(env, names, roles[0], plannedTargets);
    }

    /// <summary>
    /// The nodes of <paramref name="role"/> that the deploy target of that role acts on, in a run that executes
    /// <paramref name="plannedTargets"/>. A named node that no planned target deploys (<c>DeployWorkers --target-node core</c>)
    /// is an error naming its role and the target that deploys it, instead of "nothing to do"; a node that another
    /// planned target deploys (<c>Rollout --target-node workers-b</c> at DeployCore) is simply not this target's.
    /// </summary>
    public static IReadOnlyList<NodeSpec> ForDeploy(EnvironmentTopology env, IReadOnlyList<string> names, NodeRole role,
        IReadOnlyCollection<string> plannedTargets)
    {
        var wanted = Wanted(env, names, env.Nodes);
        if (wanted is null) return [.. env.NodesWithRole(role)];

        var deployed = Enum.GetValues<NodeRole>().Where(r => DeployTargets.Of(r).Any(plannedTargets.Contains)).ToHashSet();
        var problems = new List<Diagnostic>();
        foreach (var name in wanted)
        {
            if (env.FindNode(name) is not { } node) problems.Add(Unknown(env, name, env.Nodes));
            else if (!deployed.Contains(node.Role))
                problems.Add(new Diagnostic("--target-node", 0, 0, "",
                    $"node \"{node.Name}\" has role {Lower(node.Role)}, which {DeployTargets.Of(role)[0]} does not deploy",
                    $"{DeployTargets.Of(node.Role)[0]} deploys {Lower(node.Role)} nodes: run ./build.sh {DeployTargets.Of(node.Role)[0]} --target-node {node.Name}; " +
                    $"{DeployTargets.Of(role)[0]} deploys: {string.Join(", ", env.NodesWithRole(role).Select(n => n.Name))}"));
        }
        if (problems.Count > 0) throw new InvalidInputException(problems);
        return env.Nodes.Where(n => n.Role == role && wanted.Any(w => Is(n, w))).ToList();
    }

    /// <summary>The names asked for, or null for every node (none given, or 'all'); throws when the value names nothing.</summary>
    private static List<string>? Wanted(EnvironmentTopology env, IReadOnlyList<string> names, IReadOnlyList<NodeSpec> candidates)
    {
        var wanted = names.SelectMany(n => n.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (names.Count > 0 && wanted.Count == 0)
            throw new InvalidInputException([new Diagnostic("--target-node", 0, 0, "",
                $"expected node names, found \"{string.Join(",", names)}\" which names no node",
                $"give one or more of: {string.Join(", ", candidates.Select(c => c.Name).Append("all"))}; leave --target-node out for every node")]);
        return wanted.Count == 0 || wanted.Any(w => w.Equals("all", StringComparison.OrdinalIgnoreCase)) ? null : wanted;
    }

    private static Diagnostic Unknown(EnvironmentTopology env, string name, IReadOnlyList<NodeSpec> candidates) =>
        new("--target-node", 0, 0, "", $"environment {env.Name} has no node \"{name}\"",
            DidYouMean.Hint(name, candidates.Select(c => c.Name).Append("all").ToList(), "valid nodes"));

    private static bool Is(NodeSpec node, string name) => node.Name.Equals(name, StringComparison.OrdinalIgnoreCase);

    private static string Lower(NodeRole role) => role.ToString().ToLowerInvariant();
}
