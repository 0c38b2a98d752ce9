using Ktrdr.Deploy.Commands.Compose;
using Ktrdr.Deploy.Commands.Drift;
using Ktrdr.Deploy.Rollout.Drift;
using Ktrdr.Deploy.Rollout.Nodes;
using Ktrdr.Deploy.Remote;
using Ktrdr.Deploy.Rollout.Deploy;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Rollout.Status;

/// <summary>What one node runs now: its stamp and its project's containers, or why it could not be read.</summary>
public sealed record NodeStatus(string Node, string? Error, DeployStamp? Stamp, IReadOnlyList<ContainerStatus> Containers)
{
    /// <summary>"in sync" or "drifted: 2 files, 1 container": the node against the files and services its last deploy left (null: not read).</summary>
    public string? Drift { get; init; }

    /// <summary>Reads the node's stamp, containers and drift in one round trip (read-only); a node that cannot be read is a row saying why, not a failure.</summary>
    public static async Task<NodeStatus> ReadAsync(Func<Task<ICommandExecutor>> connect, NodeSpec node, string environment, CancellationToken ct)
    {
        try
        {
            var facts = NodeFactsCommand.Parse(await NodeRun.RequireAsync(await connect(), NodeFactsCommand.Read(node, new Dictionary<string, string>(), new Dictionary<string, string>()), ct), node);
            return new NodeStatus(node.Name, null, DeployStamp.Parse(facts.Stamp), facts.Statuses)
                { Drift = DriftComparison.Compare(BundleFacts.AsDeployed(environment, node, facts), facts).Summary };
        }
        catch (Exception e) when (e is RemoteException or RolloutException or Commands.Output.UnexpectedOutputException)
        {
            return new NodeStatus(node.Name, e.Message.Split('\n')[0], null, []);
        }
    }
}
