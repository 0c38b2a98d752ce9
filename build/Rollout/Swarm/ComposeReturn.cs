using Ktrdr.Deploy.Commands.Output;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Rollout.Swarm;

/// <summary>
/// The way back from a Swarm stack to compose, decided (pure): a compose deploy that finds the stack's services on core
/// removes the stack first. Removing it stops every node's services, so the compose deploy after it must deploy every
/// node; a run that deploys fewer is refused before anything is touched, naming what to run.
/// </summary>
public static class ComposeReturn
{
    /// <summary>True when the stack must go before this compose deploy; false when core runs no stack.</summary>
    /// <param name="stackServices">The stack's services on core's manager (ground truth: docker's own labels).</param>
    /// <param name="deployed">The nodes this compose deploy deploys.</param>
    public static bool NeedsRemoval(IReadOnlyList<string> stackServices, EnvironmentTopology env, IReadOnlyList<NodeSpec> deployed, string stack)
    {
        if (stackServices.Count == 0) return false;
        var left = env.Nodes.Where(n => deployed.All(d => d.Name != n.Name)).Select(n => n.Name).ToList();
        if (left.Count > 0)
            throw new RolloutException(
                $"{env.SourceFile}: engine compose, but {env.Nodes.First(n => n.Role == NodeRole.Core).Name} runs the Swarm stack {stack} " +
                $"({stackServices.Count} service(s)). Going back to compose removes the whole stack, which stops every node's services, " +
                $"so the compose deploy must deploy every node, and this run leaves out {string.Join(", ", left)}. Run " +
                "./build.sh DeployCore DeployWorkers DeployGpu (or the full ./build.sh) without --target-node; or, to stay on Swarm, " +
                "--engine swarm (or engine: swarm in topology.yml)");
        return true;
    }

    /// <summary>
    /// What of the stack is still on the nodes (each node's <c>Leftovers</c> lines), as "node: what": empty when the stack's
    /// services, their task containers and its network are gone everywhere.
    /// </summary>
    public static IReadOnlyList<string> Remaining(IReadOnlyDictionary<string, string> leftoversByNode) =>
        [.. leftoversByNode.OrderBy(n => n.Key, StringComparer.Ordinal)
            .SelectMany(n => OutputText.Lines(n.Value).Select(line => $"{n.Key}: {line}"))];
}
