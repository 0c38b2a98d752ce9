using BuildEngine;
using Ktrdr.Build.Support;
using Ktrdr.Deploy.Rollout.Deploy;
using Ktrdr.Deploy.Rollout.Drift;

namespace Ktrdr.Build;

/// <summary>Diff: per node, what differs between its rendered bundle and what really runs there; read-only, nodes in parallel.</summary>
partial class Build
{
    Target Diff => _ => _
        .Description("Per node, what differs between the rendered bundle and the node: files (with diffs), containers, stamp; exit 3 on drift (--json <file>)")
        .DependsOn(RenderConfigs, LabUp)
        .Uses(() => Environment, () => TargetNode, () => Tag, () => Json)
        .Executes(async ct =>
        {
            var env = WithRuntimeAddresses(LoadTopology());
            var drifts = await DriftCheck.RunAsync(await DriftRequestsAsync(env, SelectNodes(env), ct), n => ConnectAsync(n, ct), ct);
            DriftView.Print(env.Name, drifts, Json);
            if (DriftReport.Failure(drifts) is { } failure) throw new BuildFailedException(failure, DriftReport.ExitCode(drifts));
        });

    /// <summary>Each node's comparison: its rendered bundle, the images a deploy would run (asked of the registry) and its secrets.</summary>
    async Task<IReadOnlyList<DriftRequest>> DriftRequestsAsync(Deploy.Topology.EnvironmentTopology env, IReadOnlyList<Deploy.Topology.NodeSpec> nodes, CancellationToken ct)
    {
        var bundles = nodes.ToDictionary(n => n.Name, n => NodeBundle.Load(Path.Combine(ArtifactsDirectory, "render"), env, n));
        var secrets = await FetchSecretsAsync(env, bundles.Values.SelectMany(b => b.SecretNames).Concat(RegistrySecretName(env)).Distinct(), ct);
        var requests = new List<DriftRequest>();
        foreach (var node in nodes)
        {
            var bundle = bundles[node.Name];
            var desired = new DeployStamp(bundle.Hash, await ImageIdentitiesAsync(env, node, bundle, secrets, ct), bundle.Services);
            requests.Add(DriftRequest.For(node, bundle, desired, secrets.For(bundle.SecretNames)));
        }
        return requests;
    }
}
