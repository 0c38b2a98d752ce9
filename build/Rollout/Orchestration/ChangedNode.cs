using Ktrdr.Deploy.Commands.Preflight;
using Ktrdr.Deploy.Rollout.Deploy;
using Ktrdr.Deploy.Rollout.Nodes;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Rollout.Orchestration;

/// <summary>
/// One node a deploy changes: what it needs, what it was found running, when it may start its containers
/// (<see cref="StartOrder"/>), and the two signals the nodes that wait for it read: its containers started, its deploy done.
/// </summary>
internal sealed class ChangedNode(NodeDeployRequest request, NodeRead read, StartAfter after)
{
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<Task<NodeAttempt<NodeDeployResult>>> _deploy = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public NodeDeployRequest Request => request;
    public NodeRead Read => read;
    private bool IsCore => request.Node.Role == NodeRole.Core;

    /// <summary>The nodes whose state was read and needs a deploy, each with its place in the start order.</summary>
    public static IReadOnlyList<ChangedNode> Of(IReadOnlyList<NodeDeployRequest> requests, IReadOnlyList<NodeAttempt<NodeRead>> reads)
    {
        var changed = requests.Zip(reads, (r, a) => (Request: r, Read: a)).Where(p => p.Read.Succeeded && p.Read.Value.Decision.Deploy).ToList();
        var coreChanges = changed.Any(p => p.Request.Node.Role == NodeRole.Core);
        return [.. changed.Select(p => new ChangedNode(p.Request, p.Read.Value,
            StartOrder.For(p.Request.Node.Role, p.Read.Value.Before.Containers.Any(c => c.IsRunning), coreChanges)))];
    }

    /// <summary>Deploys the node (<see cref="NodeDeployer"/>); it starts its containers once <paramref name="changed"/>' core nodes let it.</summary>
    public Task<NodeAttempt<NodeDeployResult>> DeployAsync(PreflightReport preflight, IReadOnlyList<ChangedNode> changed, CancellationToken ct)
    {
        var deploy = NodeAttempt.RunAsync(request.Node.Name, () =>
            NodeDeployer.DeployAsync(read.Connection, request, preflight, read.Before, read.Decision, ct, Start([.. changed.Where(c => c.IsCore)])));
        _deploy.SetResult(deploy);
        return deploy;
    }

    private NodeStart Start(IReadOnlyList<ChangedNode> cores) => after switch
    {
        StartAfter.Nothing => new NodeStart(() => Task.CompletedTask, "", () => _started.TrySetResult()),
        StartAfter.CoreHealthy => new NodeStart(() => ReadyAsync(cores), "core deployed and healthy (its backend drains the workers)", () => _started.TrySetResult()),
        _ => new NodeStart(() => ReadyAsync(cores), "core's containers started", () => _started.TrySetResult()),
    };

    /// <summary>Until every core node started its containers (or, <see cref="StartAfter.CoreHealthy"/>, completed); fails when one failed first.</summary>
    private async Task ReadyAsync(IReadOnlyList<ChangedNode> cores)
    {
        foreach (var core in cores)
        {
            var deploy = await core._deploy.Task;
            if (after == StartAfter.CoreHealthy) await deploy;
            else await Task.WhenAny(core._started.Task, deploy);
            if (deploy.IsCompleted && !deploy.Result.Succeeded)
                throw new RolloutException($"{deploy.Result.Node} failed at {deploy.Result.Failure!.Step} before this node started anything");
        }
    }
}
