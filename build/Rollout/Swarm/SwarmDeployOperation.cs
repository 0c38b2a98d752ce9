using Ktrdr.Deploy.Rendering.Swarm;
using Ktrdr.Deploy.Rollout.Deploy;
using Ktrdr.Deploy.Rollout.Orchestration;
using Ktrdr.Deploy.Secrets;
using Ktrdr.Deploy.Topology;
using Serilog;

namespace Ktrdr.Deploy.Rollout.Swarm;

/// <summary>
/// The deploy targets on an <c>engine: swarm</c> environment: one stack for every node. DeployCore deploys it; DeployWorkers
/// and DeployGpu deploy the same stack when DeployCore is not in the run (Swarm updates only the services whose spec
/// changed), and are a no-op when it is. Bundles checked against this run's tag, a dry-run or production plan, secrets
/// fetched once, the images pinned to the digests the registry gives their tags now, then <see cref="SwarmDeployer"/> under the deploy lock, audited like every deploy.
/// </summary>
public static class SwarmDeployOperation
{
    public static async Task DeployAsync(OperationScope scope, NodeRole role, DeployOptions options, CancellationToken ct)
    {
        var target = $"Deploy{role}";
        if (role != NodeRole.Core && options.PlannedTargets.Contains(DeployTargets.Of(NodeRole.Core)[0]))
        {
            Log.Information("{Target}: engine swarm, the stack DeployCore deployed places every node's services: nothing more to do", target);
            return;
        }
        if (options.TargetNodes.Count > 0)
            throw new RolloutException($"{scope.Env.SourceFile}: engine swarm deploys one stack for every node, so {target} takes no --target-node " +
                                       $"(given: {string.Join(",", options.TargetNodes)}); leave it out");
        var env = scope.Env;
        var nodes = env.Nodes;
        var bundles = DeployOperation.Bundles(scope, nodes);
        DeployOperation.RequireRenderedForThisTag(bundles.Values, scope);
        var core = scope.Core;
        var stackPath = Path.Combine(bundles[core.Name].Directory, PinnedStack.RenderedFile);
        if (!File.Exists(stackPath))
            throw new RolloutException($"{core.Name}: no {PinnedStack.RenderedFile} in {bundles[core.Name].Directory}: run ./build.sh RenderConfigs with the same --engine swarm first");
        var stackText = await File.ReadAllTextAsync(stackPath, ct);
        var secretNames = PinnedStack.SecretsOf(stackText);
        if (options.DryRun || scope.NeedsConfirmation)
        {
            Log.Information("{Target} on engine swarm would: pre-flight {Nodes}; make {Core} the swarm manager and join the others (token over stdin); " +
                            "label the nodes; take each node's compose project down; upload the bundles; create the secret objects for {Secrets} " +
                            "(values over stdin); docker stack deploy --with-registry-auth -c {File} {Stack}; wait for every service; remove unused secret objects",
                target, string.Join(", ", nodes.Select(n => n.Name)), core.Name, string.Join(", ", secretNames), SwarmDeployRequest.DeployedStackFile, SwarmNames.Stack);
            if (options.DryRun) return;
            scope.RequireConfirmation(target);
        }

        var (pinned, secrets, images) = await DesiredAsync(scope, bundles, stackText, ct);
        var request = new SwarmDeployRequest(core, nodes, bundles, pinned, pinned.Objects.ToDictionary(o => o.Key, o => secrets[o.Value]),
            scope.PullLogin(secrets), scope.Tag, options.HealthTimeout, options.Force) { DrainTimeout = options.DrainTimeout };
        await LockedOperation.RunAsync(scope, target, nodes, images, () => SwarmDeployer.RunAsync(scope.Connections, request, ct), ct);
    }

    /// <summary>
    /// The stack this run deploys (and Diff compares): the secrets it names fetched (with the registry's token), their objects
    /// named by version, and each image we build named by the digest the registry gives its tag now, the same on every node.
    /// </summary>
    /// <returns>The pinned stack, the secrets fetched, and each image variable's identity (<c>repo:tag@sha256:...</c> for ours).</returns>
    internal static async Task<(PinnedStack Stack, SecretSet Secrets, Dictionary<string, string> Images)> DesiredAsync(
        OperationScope scope, IReadOnlyDictionary<string, NodeBundle> bundles, string stackText, CancellationToken ct)
    {
        var names = PinnedStack.SecretsOf(stackText);
        var secrets = await scope.Secrets.FetchAsync(scope.Env, names.Concat(scope.RegistrySecretName).Distinct(), ct);
        var identities = await Task.WhenAll(scope.Env.Nodes.Select(n => scope.Images.ResolveAsync(scope.Env, n, bundles[n.Name], secrets, scope.Tag, ct)));
        var images = DeployOperation.Images(identities.SelectMany(i => i));
        return (PinnedStack.Pin(stackText, names.ToDictionary(n => n, n => secrets[n]), images.Values), secrets, images);
    }

    /// <summary>The references of the images we build, as the bundles name them: the ones a deploy pins by digest.</summary>
    internal static IReadOnlySet<string> BuiltImages(EnvironmentTopology env, IEnumerable<NodeBundle> bundles)
    {
        var variables = env.Images.Values.Where(i => i.Build).Select(i => i.EnvVariable).ToHashSet(StringComparer.Ordinal);
        return bundles.SelectMany(b => b.EnvImages).Where(p => variables.Contains(p.Key)).Select(p => p.Value).ToHashSet(StringComparer.Ordinal);
    }
}
