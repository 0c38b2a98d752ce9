using Ktrdr.Deploy.Commands.Drift;
using Ktrdr.Deploy.Remote;
using Ktrdr.Deploy.Rollout.Nodes;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Rollout.Drift;

/// <summary>One node to compare: what its bundle would leave there, and the secrets compose needs to hash its files.</summary>
public sealed record DriftRequest(NodeSpec Node, BundleFacts Bundle, IReadOnlyDictionary<string, string> Secrets)
{
    /// <summary>The comparison a deploy of <paramref name="desired"/> starts from (its secrets hash the compose files on the node).</summary>
    public static DriftRequest For(NodeSpec node, Deploy.NodeBundle bundle, Deploy.DeployStamp desired, IReadOnlyDictionary<string, string> secrets) =>
        new(node, BundleFacts.Of(node.Name, bundle, desired, secrets.Keys, node.ComposeFiles), secrets);
}

/// <summary>Reads nodes (one round trip each, read-only) and compares them with their bundles: the Diff target and every deploy decision.</summary>
public static class DriftCheck
{
    /// <summary>The node's facts and its drift from the bundle.</summary>
    public static async Task<(NodeFacts Facts, NodeDrift Drift)> ReadAsync(ICommandExecutor node, DriftRequest request, CancellationToken ct)
    {
        var facts = NodeFactsCommand.Parse(
            await NodeRun.RequireAsync(node, NodeFactsCommand.Read(request.Node, request.Bundle.Files, request.Secrets), ct), request.Node);
        return (facts, DriftComparison.Compare(request.Bundle, facts));
    }

    /// <summary>Every node in parallel; a node that cannot be reached or read is a drift entry saying why, not an exception.</summary>
    public static async Task<IReadOnlyList<NodeDrift>> RunAsync(IReadOnlyList<DriftRequest> requests, Func<NodeSpec, Task<ICommandExecutor>> connect, CancellationToken ct) =>
        await Task.WhenAll(requests.Select(async request =>
        {
            try
            {
                return (await ReadAsync(await connect(request.Node), request, ct)).Drift;
            }
            catch (Exception e) when (e is RemoteException or RolloutException or Commands.Output.UnexpectedOutputException)
            {
                return NodeDrift.Unreadable(request.Node.Name, e.Message.Split('\n')[0]);
            }
        }));
}
