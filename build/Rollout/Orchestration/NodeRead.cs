using Ktrdr.Deploy.Remote;
using Ktrdr.Deploy.Rollout.Deploy;

namespace Ktrdr.Deploy.Rollout.Orchestration;

/// <summary>One node's state as a deploy starts from it: its connection, what it runs, and the decision taken from that.</summary>
public sealed record NodeRead(ICommandExecutor Connection, NodeState Before, DeployDecision Decision)
{
    /// <summary>Reads the node's state under the deploy lock (its stamp, files and containers) and decides whether it needs deploying.</summary>
    public static async Task<NodeRead> ReadAsync(INodeConnections connections, NodeDeployRequest request, CancellationToken ct)
    {
        var connection = await connections.ConnectAsync(request.Node, ct);
        var (before, decision) = await NodeDeployer.DecideAsync(connection, request, ct);
        return new NodeRead(connection, before, decision);
    }

    /// <summary>
    /// Opens the connections of these nodes now (before the lock: a connection reads and changes nothing), so the SSH
    /// handshakes overlap the lock; a node that cannot be reached fails where its state is read.
    /// </summary>
    public static void Open(INodeConnections connections, IEnumerable<NodeDeployRequest> requests, CancellationToken ct)
    {
        foreach (var request in requests)
            _ = connections.ConnectAsync(request.Node, ct).ContinueWith(t => t.Exception, CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }
}
