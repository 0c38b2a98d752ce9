using Ktrdr.Deploy.Rollout.Deploy;
using Ktrdr.Deploy.Rollout.Nodes;
using Ktrdr.Deploy.Rollout.Operations;

namespace Ktrdr.Deploy.Rollout.Orchestration;

/// <summary>
/// Where a deploy is decided: the state of every node first (<see cref="DeployDecision"/> per node, all read at once); the pre-flight of
/// every changed node before any is touched; then the changed ones in parallel (<see cref="NodeDeployer"/> executes);
/// then <see cref="NodeOutcomeReport"/>. A node that cannot be reached or fails on the way fails alone: the others
/// complete, the report names the node and its step, and the run fails (a rerun skips what is done).
/// </summary>
public static class NodeDeploys
{
    /// <returns>What every node runs now: the changed ones were deployed, the others already had it.</returns>
    public static async Task<IReadOnlyDictionary<string, NodeDeployed>> RunAsync(INodeConnections connections, IReadOnlyList<NodeDeployRequest> requests,
        CancellationToken ct)
    {
        var read = await Task.WhenAll(requests.Select(r => NodeAttempt.RunAsync(r.Node.Name, () => NodeRead.ReadAsync(connections, r, ct))));
        var changed = ChangedNode.Of(requests, read);
        var preflights = await PreflightGate.AllAsync([.. changed.Select(c => c.Read.Connection)], [.. changed.Select(c => c.Request.Node)], ct);
        var deployed = await Task.WhenAll(changed.Select((c, k) => c.DeployAsync(preflights[k], changed, ct)));
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
