using Ktrdr.Deploy.Commands.Drift;
using Ktrdr.Deploy.Remote;
using Ktrdr.Deploy.Rollout.Nodes;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Rollout.Drift;

/// <summary>
/// One node to compare: what its bundle would leave there (whose files the read checks, giving the text of each that
/// differs), and the secrets compose needs to hash its files.
/// </summary>
public sealed record DriftRequest(NodeSpec Node, BundleFacts Bundle, IReadOnlyDictionary<string, string> Secrets)
{
    /// <summary>What the node is compared with once read: <see cref="Bundle"/> unless set (Diff without --tag: what the node's stamp says was deployed).</summary>
    public Func<NodeFacts, BundleFacts>? Against { get; init; }

    /// <summary>The comparison a deploy of <paramref name="desired"/> starts from (its secrets hash the compose files on the node).</summary>
    public static DriftRequest For(NodeSpec node, Deploy.NodeBundle bundle, Deploy.DeployStamp desired, IReadOnlyDictionary<string, string> secrets) =>
        new(node, BundleFacts.Of(node.Name, bundle, desired, secrets.Keys, node.ComposeFiles), secrets);

    /// <summary>
    /// The node against what its own stamp and manifest say was deployed (<see cref="BundleFacts.AsDeployedBy"/>), whatever
    /// tag this checkout renders: hand edits show, a newer build of main that nobody deployed yet does not.
    /// </summary>
    public static DriftRequest AsDeployed(NodeSpec node, Deploy.NodeBundle bundle, IReadOnlyDictionary<string, string> secrets, Func<string, string?> envFileAt)
    {
        var rendered = BundleFacts.Of(node.Name, bundle, new Deploy.DeployStamp(bundle.Hash, new Dictionary<string, string>(), bundle.Services), secrets.Keys, node.ComposeFiles);
        return new(node, rendered, secrets) { Against = facts => BundleFacts.AsDeployedBy(rendered, facts, envFileAt) };
    }
}

/// <summary>Reads nodes (one round trip each, read-only) and compares them with their bundles: the Diff target and every deploy decision.</summary>
public static class DriftCheck
{
    /// <summary>
    /// The node's facts and its drift from the bundle. The first read leaves compose's config hashes out; when the
    /// hashes the last deploy recorded do not vouch for the containers (<see cref="RecordedConfig"/>), a second read asks
    /// compose. A node unchanged since its deploy, or without a deploy directory, costs one cheap round trip.
    /// </summary>
    public static async Task<(NodeFacts Facts, NodeDrift Drift)> ReadAsync(ICommandExecutor node, DriftRequest request, CancellationToken ct)
    {
        var facts = await FactsAsync(node, request, hashConfig: false, ct);
        if (facts.DeployDirectoryExists)
            facts = RecordedConfig.Vouched(request.Bundle.BundleHash, facts, request.Secrets) is { } recorded
                ? facts with { ConfigHashes = recorded }
                : await FactsAsync(node, request, hashConfig: true, ct);
        return (facts, DriftComparison.Compare(request.Against?.Invoke(facts) ?? request.Bundle, facts));
    }

    private static async Task<NodeFacts> FactsAsync(ICommandExecutor node, DriftRequest request, bool hashConfig, CancellationToken ct) =>
        NodeFactsCommand.Parse(await NodeRun.RequireAsync(node, NodeFactsCommand.Read(request.Node, request.Bundle.Files, request.Secrets, hashConfig), ct),
            request.Node);

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
