using Ktrdr.Deploy.Rollout.Deploy;
using Ktrdr.Deploy.Rollout.Nodes;
using Ktrdr.Deploy.Rollout.Operations;

namespace Ktrdr.Deploy.Rollout.Orchestration;

/// <summary>
/// Where a deploy is decided: the state of every node first (<see cref="DeployDecision"/> per node; read now, or read ahead
/// by an earlier target of the run: <see cref="StateReads"/>); the pre-flight of
/// every changed node before any is touched; then the changed ones in parallel (<see cref="NodeDeployer"/> executes);
/// then <see cref="NodeOutcomeReport"/>. A node that cannot be reached or fails on the way fails alone: the others
/// complete, the report names the node and its step, and the run fails (a rerun skips what is done).
/// </summary>
public static class NodeDeploys
{
    /// <returns>What every node runs now: the changed ones were deployed, the others already had it.</returns>
    public static Task<IReadOnlyDictionary<string, NodeDeployed>> RunAsync(INodeConnections connections, IReadOnlyList<NodeDeployRequest> requests,
        CancellationToken ct) => RunAsync(connections, new StateReads(), requests, ct);

    /// <param name="reads">The run's node states: a node read ahead by an earlier target is decided from that read when it is still usable.</param>
    public static async Task<IReadOnlyDictionary<string, NodeDeployed>> RunAsync(INodeConnections connections, StateReads reads,
        IReadOnlyList<NodeDeployRequest> requests, CancellationToken ct)
    {
        var read = await Task.WhenAll(requests.Select(r => NodeAttempt.RunAsync(r.Node.Name, () => reads.ReadAsync(connections, r, ct))));
        var changed = Enumerable.Range(0, requests.Count).Where(i => read[i].Succeeded && read[i].Value.Decision.Deploy).ToList();
        // a node about to change makes every read-ahead of this run stale: later targets read their nodes again
        if (changed.Count > 0) reads.Forget();
        var preflights = await PreflightGate.AllAsync([.. changed.Select(i => read[i].Value.Connection)], [.. changed.Select(i => requests[i].Node)], ct);

        var deployed = await Task.WhenAll(changed.Select((i, k) => NodeAttempt.RunAsync(requests[i].Node.Name, () =>
            NodeDeployer.DeployAsync(read[i].Value.Connection, requests[i], preflights[k], read[i].Value.Before, read[i].Value.Decision, ct))));
        var failures = read.Select(a => a.Failure).Concat(deployed.Select(a => a.Failure)).OfType<NodeFailure>().ToList();
        NodeOutcomeReport.Print([.. requests.Select((r, i) =>
        {
            var result = deployed.FirstOrDefault(d => d.Node == r.Node.Name && d.Succeeded);
            return new NodeOutcome(r.Node.Name, result is null ? "unchanged" : "deployed", read[i].Succeeded ? read[i].Value.Decision.Reason : "",
                result?.Value.Elapsed, failures.FirstOrDefault(f => f.Node == r.Node.Name));
        })]);
        return requests.ToDictionary(r => r.Node.Name, r => new NodeDeployed(r.Desired.BundleHash, r.Desired.Tag!));
    }
}
