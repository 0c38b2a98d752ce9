using Ktrdr.Deploy.Rollout.Deploy;
using Ktrdr.Deploy.Rollout.Drift;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Rollout.Orchestration;

/// <summary>
/// Diff: each selected node compared with its rendered bundle and the images a deploy would run (asked of the registry),
/// one read-only round trip per node, nodes in parallel. Nothing on a node changes.
/// </summary>
public static class DiffOperation
{
    public static async Task<IReadOnlyList<NodeDrift>> ReadAsync(OperationScope scope, IReadOnlyList<NodeSpec> nodes, CancellationToken ct)
    {
        var bundles = nodes.ToDictionary(n => n.Name, n => NodeBundle.Load(scope.RenderRoot, scope.Env, n));
        var secrets = await scope.Secrets.FetchAsync(scope.Env, bundles.Values.SelectMany(b => b.SecretNames).Concat(scope.RegistrySecretName).Distinct(), ct);
        var requests = new List<DriftRequest>();
        foreach (var node in nodes)
        {
            var bundle = bundles[node.Name];
            var images = await scope.Images.ResolveAsync(scope.Env, node, bundle, secrets, scope.Tag, ct);
            requests.Add(DriftRequest.For(node, bundle, new DeployStamp(bundle.Hash, images, bundle.Services), secrets.For(bundle.SecretNames)));
        }
        return await DriftCheck.RunAsync(requests, n => scope.Connections.ConnectAsync(n, ct), ct);
    }
}
