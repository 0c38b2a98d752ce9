using Ktrdr.Deploy.Commands.Compose;
using Ktrdr.Deploy.Remote;
using Ktrdr.Deploy.Rollout.Deploy;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Rollout.Status;

/// <summary>What one node runs now: its stamp and its project's containers, or why it could not be read.</summary>
public sealed record NodeStatus(string Node, string? Error, DeployStamp? Stamp, IReadOnlyList<ContainerStatus> Containers)
{
    /// <summary>Reads the node's stamp and containers (read-only); a node that cannot be read is a row saying why, not a failure.</summary>
    public static async Task<NodeStatus> ReadAsync(Func<Task<ICommandExecutor>> connect, NodeSpec node, CancellationToken ct)
    {
        try
        {
            var state = await NodeState.ReadAsync(await connect(), node, ct);
            return new NodeStatus(node.Name, null, state.Stamp, state.Containers);
        }
        catch (Exception e) when (e is RemoteException or RolloutException or Commands.Output.UnexpectedOutputException)
        {
            return new NodeStatus(node.Name, e.Message.Split('\n')[0], null, []);
        }
    }
}
