using Ktrdr.Deploy.Topology.Text;

namespace Ktrdr.Deploy.Topology;

/// <summary>Turns --target-node values into nodes: names (case-insensitive), comma lists, or 'all'.</summary>
public static class NodeSelector
{
    /// <summary>
    /// The named nodes in topology order, or every node (of <paramref name="role"/>, when given) when no name or 'all'
    /// is given. An unknown name, or a node of another role, throws with the valid names.
    /// </summary>
    public static IReadOnlyList<NodeSpec> Select(EnvironmentTopology env, IReadOnlyList<string> names, NodeRole? role = null)
    {
        var candidates = env.Nodes.Where(n => role is null || n.Role == role).ToList();
        var wanted = names.SelectMany(n => n.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (wanted.Count == 0 || wanted.Any(w => w.Equals("all", StringComparison.OrdinalIgnoreCase))) return candidates;

        var problems = new List<Diagnostic>();
        foreach (var name in wanted.Where(w => candidates.All(c => !c.Name.Equals(w, StringComparison.OrdinalIgnoreCase))))
        {
            var other = env.FindNode(name);
            var valid = candidates.Select(c => c.Name).ToList();
            problems.Add(other is not null
                ? new Diagnostic("--target-node", 0, 0, "", $"node \"{other.Name}\" has role {other.Role.ToString().ToLowerInvariant()}, not {role.ToString()!.ToLowerInvariant()}",
                    $"this target deploys to: {string.Join(", ", valid)}")
                : new Diagnostic("--target-node", 0, 0, "", $"environment {env.Name} has no node \"{name}\"",
                    DidYouMean.Hint(name, valid.Append("all").ToList(), "valid nodes")));
        }
        if (problems.Count > 0) throw new InvalidInputException(problems);
        return candidates.Where(c => wanted.Any(w => c.Name.Equals(w, StringComparison.OrdinalIgnoreCase))).ToList();
    }
}
