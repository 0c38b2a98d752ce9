using Ktrdr.Deploy.Rendering.Bundles;
using Ktrdr.Deploy.Rollout.Deploy;
using Ktrdr.Deploy.Rollout.Drift;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Rollout.Orchestration;

/// <summary>What Diff compares each node with.</summary>
public enum DiffBaseline
{
    /// <summary>What the node's own stamp and manifest say was deployed there (Diff without --tag): hand edits, not undeployed builds.</summary>
    Deployed,

    /// <summary>The bundle rendered for this run's tag and the images the registry gives for it (Diff --tag): what a deploy would change.</summary>
    Tag,
}

/// <summary>
/// Diff: each selected node compared with its baseline, one read-only round trip per node, nodes in parallel. Nothing
/// on a node changes; the registry is asked for image digests only against a tag.
/// </summary>
public static class DiffOperation
{
    public static async Task<IReadOnlyList<NodeDrift>> ReadAsync(OperationScope scope, IReadOnlyList<NodeSpec> nodes, DiffBaseline baseline, CancellationToken ct)
    {
        var bundles = nodes.ToDictionary(n => n.Name, n => NodeBundle.Load(scope.RenderRoot, scope.Env, n));
        var registry = baseline == DiffBaseline.Tag ? scope.RegistrySecretName : [];
        var secrets = await scope.Secrets.FetchAsync(scope.Env, bundles.Values.SelectMany(b => b.SecretNames).Concat(registry).Distinct(), ct);
        var requests = new List<DriftRequest>();
        foreach (var node in nodes)
        {
            var bundle = bundles[node.Name];
            if (baseline == DiffBaseline.Deployed)
            {
                requests.Add(DriftRequest.AsDeployed(node, bundle, secrets.For(bundle.SecretNames),
                    tag => NodeVariables.DotEnv(scope.Env, node, tag)));
                continue;
            }
            var images = await scope.Images.ResolveAsync(scope.Env, node, bundle, secrets, scope.Tag, ct);
            requests.Add(DriftRequest.For(node, bundle, new DeployStamp(bundle.Hash, images, bundle.Services), secrets.For(bundle.SecretNames)));
        }
        return await DriftCheck.RunAsync(requests, n => scope.Connections.ConnectAsync(n, ct), ct);
    }
}
