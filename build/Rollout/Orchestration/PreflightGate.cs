using Ktrdr.Deploy.Commands.Preflight;
using Ktrdr.Deploy.Remote;
using Ktrdr.Deploy.Rollout.Deploy;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Rollout.Orchestration;

/// <summary>Pre-flight of every node about to change, in parallel; any failure stops the run before a node is touched.</summary>
public static class PreflightGate
{
    public static async Task<PreflightReport[]> AllAsync(IReadOnlyList<ICommandExecutor> connections, IReadOnlyList<NodeSpec> nodes, CancellationToken ct)
    {
        var preflights = await Task.WhenAll(nodes.Select((n, i) => NodeDeployer.PreflightAsync(connections[i], n, ct)));
        if (preflights.Where(p => !p.Passed).ToList() is { Count: > 0 } failed)
            throw new RolloutException("pre-flight failed, no node was touched:\n" +
                                       string.Join("\n", failed.SelectMany(p => p.Failures.Select(f => $"  - {p.Node}: {f}"))));
        return preflights;
    }
}
