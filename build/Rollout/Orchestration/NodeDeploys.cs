using Ktrdr.Deploy.Rollout.Deploy;
using Ktrdr.Deploy.Rollout.Nodes;
using Ktrdr.Deploy.Rollout.Operations;
using Ktrdr.Deploy.Topology;

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
        var changed = Enumerable.Range(0, requests.Count).Where(i => read[i].Succeeded && read[i].Value.Decision.Deploy).ToList();
        var preflights = await PreflightGate.AllAsync([.. changed.Select(i => read[i].Value.Connection)], [.. changed.Select(i => requests[i].Node)], ct);

        // the start order (StartOrder): core's nodes first, the others as soon as core started (or is healthy, to drain)
        var order = changed.Select(i => StartOrder.For(requests[i].Node.Role, read[i].Value.Before.Containers.Any(c => c.IsRunning),
            coreChanges: changed.Any(j => requests[j].Node.Role == NodeRole.Core))).ToList();
        var started = changed.Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToList();
        var running = new Task<NodeAttempt<NodeDeployResult>>[changed.Count];
        var cores = Enumerable.Range(0, changed.Count).Where(k => requests[changed[k]].Node.Role == NodeRole.Core).ToList();
        foreach (var k in Enumerable.Range(0, changed.Count).OrderBy(k => order[k] == StartAfter.Nothing ? 0 : 1))
        {
            var i = changed[k];
            var start = order[k] == StartAfter.Nothing
                ? new NodeStart(() => Task.CompletedTask, "", () => started[k].TrySetResult())
                : new NodeStart(() => ReadyAsync(cores.Select(c => (started[c].Task, running[c])).ToList(), order[k]),
                    order[k] == StartAfter.CoreHealthy ? "core deployed and healthy (its backend drains the workers)" : "core's containers started",
                    () => started[k].TrySetResult());
            running[k] = NodeAttempt.RunAsync(requests[i].Node.Name, () =>
                NodeDeployer.DeployAsync(read[i].Value.Connection, requests[i], preflights[k], read[i].Value.Before, read[i].Value.Decision, ct, start));
        }
        var deployed = await Task.WhenAll(running);
        var failures = read.Select(a => a.Failure).Concat(deployed.Select(a => a.Failure)).OfType<NodeFailure>().ToList();
        NodeOutcomeReport.Print([.. requests.Select((r, i) =>
        {
            var result = deployed.FirstOrDefault(d => d.Node == r.Node.Name && d.Succeeded);
            return new NodeOutcome(r.Node.Name, result is null ? "unchanged" : "deployed", read[i].Succeeded ? read[i].Value.Decision.Reason : "",
                result?.Value.Elapsed, failures.FirstOrDefault(f => f.Node == r.Node.Name));
        })]);
        return requests.ToDictionary(r => r.Node.Name, r => new NodeDeployed(r.Desired.BundleHash, r.Desired.Tag!));
    }

    /// <summary>Until every core node started its containers (or, <see cref="StartAfter.CoreHealthy"/>, completed); fails when one failed first.</summary>
    private static async Task ReadyAsync(IReadOnlyList<(Task Started, Task<NodeAttempt<NodeDeployResult>> Deploy)> cores, StartAfter after)
    {
        foreach (var (started, deploy) in cores)
        {
            if (after == StartAfter.CoreHealthy) await deploy;
            else await Task.WhenAny(started, deploy);
            if (deploy.IsCompleted && !deploy.Result.Succeeded)
                throw new RolloutException($"{deploy.Result.Node} failed at {deploy.Result.Failure!.Step} before this node started anything");
        }
    }
}
