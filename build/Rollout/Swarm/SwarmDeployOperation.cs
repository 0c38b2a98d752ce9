using Ktrdr.Deploy.Rendering.Swarm;
using Ktrdr.Deploy.Rollout.Deploy;
using Ktrdr.Deploy.Rollout.Orchestration;
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

        var secrets = await scope.Secrets.FetchAsync(env, secretNames.Concat(scope.RegistrySecretName).Distinct(), ct);
        // what each image's tag resolves to in the registry now: the stack names it by digest, the same on every node
        var identities = await Task.WhenAll(nodes.Select(n => scope.Images.ResolveAsync(env, n, bundles[n.Name], secrets, scope.Tag, ct)));
        var pinned = PinnedStack.Pin(stackText, secretNames.ToDictionary(n => n, n => secrets[n]), identities.SelectMany(i => i.Values));
        var request = new SwarmDeployRequest(core, nodes, bundles, pinned, pinned.Objects.ToDictionary(o => o.Key, o => secrets[o.Value]),
            scope.PullLogin(secrets), scope.Tag, options.HealthTimeout, options.Force) { DrainTimeout = options.DrainTimeout };
        var images = DeployOperation.Images(identities.SelectMany(i => i));
        await LockedOperation.RunAsync(scope, target, nodes, images, () => SwarmDeployer.RunAsync(scope.Connections, request, ct), ct);
    }
}
