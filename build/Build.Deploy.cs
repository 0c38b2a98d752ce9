using BuildEngine;
using Ktrdr.Deploy.Commands.Preflight;
using Ktrdr.Deploy.Remote;
using Ktrdr.Build.Support;
using Ktrdr.Deploy.Rollout.Deploy;
using Ktrdr.Deploy.Rollout.Nodes;
using Ktrdr.Deploy.Rollout.Operations;
using Ktrdr.Deploy.Topology;
using Serilog;

namespace Ktrdr.Build;

/// <summary>
/// The rollout graph. Deploy targets depend on what they ship (rendered bundles) and are ordered after what they
/// need running first (images pushed, shared tree laid out, core before workers before gpu), so
/// <c>./build.sh DeployWorkers --target-node workers-b</c> touches only that node while <c>Rollout</c> runs it all.
/// A target reads every node's state first; the nodes that changed are all checked (pre-flight) before any is
/// touched, then deploy in parallel. Unchanged nodes cost a connection and one read.
/// </summary>
partial class Build
{
    [Parameter("Deploy even when a node's bundle and images are unchanged (e.g. after rotating a secret); RenderConfigs checks again")]
    readonly bool Force;

    [Parameter("Print, per node, what the Deploy targets would run, without connecting to any node")]
    readonly bool DryRun;

    [Parameter("How long a deploy waits for a node's containers to run, pass their health checks and (workers) be registered available (default 3 min); failing it rolls the node back")]
    readonly TimeSpan HealthTimeout = TimeSpan.FromMinutes(3);

    [Parameter("How many services of a running worker node a deploy replaces at once (default 1: one at a time, each drained first)")]
    [AtLeast(1)]
    readonly int BatchSize = 1;

    [Parameter("How long a worker update waits for a busy worker to finish its operation before it stops (default 10 min; --force replaces it anyway)")]
    readonly TimeSpan DrainTimeout = TimeSpan.FromMinutes(10);

    Target DeployCore => _ => _
        .Description("Roll out the core stack (db, backend, prometheus, grafana, jaeger) to the core node")
        .DependsOn(RenderConfigs, LabUp)
        .After(PushGhcr, SyncNfsLayout)
        .Uses(() => Environment, () => Tag, () => Force, () => DryRun, () => HealthTimeout, () => DrainTimeout, () => BatchSize, () => Confirm, () => LockWait)
        .Executes(ct => DeployRoleAsync(NodeRole.Core, ct));

    Target DeployWorkers => _ => _
        .Description("Roll out the worker stacks to worker nodes (--target-node workers-b,workers-c or all), in parallel")
        .DependsOn(RenderConfigs, LabUp)
        .After(PushGhcr, SyncNfsLayout, DeployCore)
        .Uses(() => Environment, () => TargetNode, () => Tag, () => Force, () => DryRun, () => HealthTimeout, () => DrainTimeout, () => BatchSize, () => Confirm, () => LockWait)
        .Executes(ct => DeployRoleAsync(NodeRole.Workers, ct));

    Target DeployGpu => _ => _
        .Description("Roll out the GPU training worker to the gpu node (non-root SSH user)")
        .DependsOn(RenderConfigs, LabUp)
        .After(PushGhcr, SyncNfsLayout, DeployCore, DeployWorkers)
        .Uses(() => Environment, () => Tag, () => Force, () => DryRun, () => HealthTimeout, () => DrainTimeout, () => BatchSize, () => Confirm, () => LockWait)
        .Executes(ct => DeployRoleAsync(NodeRole.Gpu, ct));

    Target Patch => _ => _
        .Description("Hot fix: deploy an already pushed --tag to the --target-node nodes only, no image build; same checks, lock and audit")
        .DependsOn(RenderConfigs, LabUp)
        .Requires(() => Tag)
        .Uses(() => Environment, () => TargetNode, () => Force, () => HealthTimeout, () => DrainTimeout, () => BatchSize, () => Confirm, () => LockWait)
        .Executes(async ct =>
        {
            if (TargetNode.Length == 0) throw new BuildFailedException("Patch deploys to the nodes you name: give --target-node (e.g. workers-b), or use the Deploy targets");
            foreach (var role in new[] { NodeRole.Core, NodeRole.Workers, NodeRole.Gpu }) await DeployRoleAsync(role, ct, "Patch");
        });

    Target Rollout => _ => _
        .Description("Everything, end to end: images, configs, shared tree, core, workers, gpu, then Verify")
        .DependsOn(PushGhcr, SyncNfsLayout, DeployCore, DeployWorkers, DeployGpu)
        .Triggers(Verify);

    async Task DeployRoleAsync(NodeRole role, CancellationToken ct, string? auditAs = null, bool? force = null)
    {
        var env = WithRuntimeAddresses(LoadTopology());
        var nodes = NodesWithRole(env, role);
        if (nodes.Count == 0) return;

        var bundles = nodes.ToDictionary(n => n.Name, n => NodeBundle.Load(Path.Combine(ArtifactsDirectory, "render"), env, n));
        if (bundles.Values.FirstOrDefault(b => b.Tag is not null && b.Tag != ResolvedTag) is { } stale)
            throw new BuildFailedException($"{stale.Directory} was rendered for tag {stale.Tag}, but this run deploys {ResolvedTag}: " +
                                           "run RenderConfigs with the same --tag first (do not --skip it when the tag changes)");
        if (DryRun || NeedsConfirmation(env))
        {
            // no secret is fetched and no registry asked: the plan shows names, never values
            DeployPlanView.Print([.. nodes.Select(n => DryRunRequest(env, n, bundles[n.Name]))]);
            if (DryRun) return;
            RequireConfirmation(env, auditAs ?? $"Deploy{role}");
        }

        var secrets = await FetchSecretsAsync(env, bundles.Values.SelectMany(b => b.SecretNames).Concat(RegistrySecretName(env)).Distinct(), ct);
        var login = PullLogin(env, secrets);
        var requests = new List<NodeDeployRequest>();
        foreach (var node in nodes)
        {
            var bundle = bundles[node.Name];
            var desired = new DeployStamp(bundle.Hash, await ImageIdentitiesAsync(env, node, bundle, secrets, ct), bundle.Services) { Tag = ResolvedTag };
            requests.Add(new NodeDeployRequest(node, bundle, desired, secrets.For(bundle.SecretNames), login, HealthTimeout, force ?? Force)
                { Rolling = role == NodeRole.Core ? null : new RollingOptions(BatchSize, DrainTimeout, force ?? Force, HealthTimeout) });
        }

        var images = requests.SelectMany(r => r.Desired.Images).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.First().Value);
        await UnderLockAsync(env, auditAs ?? $"Deploy{role}", nodes, images, () => DeployNodesAsync(nodes, requests, ct), ct);
    }

    /// <summary>
    /// State of every node first; pre-flight of every changed node before any is touched; then the changed ones in
    /// parallel. A node that cannot be reached or fails on the way fails alone: the others complete, the report names
    /// the node and its step, and the target fails (a rerun skips what is done).
    /// </summary>
    async Task<IReadOnlyDictionary<string, NodeDeployed>> DeployNodesAsync(IReadOnlyList<NodeSpec> nodes, IReadOnlyList<NodeDeployRequest> requests, CancellationToken ct)
    {
        var read = await Task.WhenAll(requests.Select(r => NodeAttempt.RunAsync(r.Node.Name, async () =>
        {
            var connection = await ConnectAsync(r.Node, ct);
            return (Connection: connection, State: await NodeDeployer.DecideAsync(connection, r, ct));
        })));
        var changed = Enumerable.Range(0, nodes.Count).Where(i => read[i].Succeeded && read[i].Value.State.Decision.Deploy).ToList();
        var preflights = await PreflightAllAsync([.. changed.Select(i => read[i].Value.Connection)], [.. changed.Select(i => nodes[i])], ct);

        var deployed = await Task.WhenAll(changed.Select((i, k) => NodeAttempt.RunAsync(nodes[i].Name, () =>
            NodeDeployer.DeployAsync(read[i].Value.Connection, requests[i], preflights[k], read[i].Value.State.Before, read[i].Value.State.Decision, ct))));
        var failures = read.Select(a => a.Failure).Concat(deployed.Select(a => a.Failure)).OfType<NodeFailure>().ToList();
        foreach (var (node, i) in nodes.Select((n, i) => (n, i)))
        {
            var result = deployed.FirstOrDefault(d => d.Node == node.Name && d.Succeeded);
            var failure = failures.FirstOrDefault(f => f.Node == node.Name);
            if (failure is not null)
                Log.Error("  {Node,-10} {Outcome,-9} at {Step}: {Message}", node.Name, "FAILED", failure.Step, failure.Message.Split('\n')[0]);
            else
                Log.Information("  {Node,-10} {Outcome,-9} {Detail}  {Elapsed}", node.Name, result is null ? "unchanged" : "deployed",
                    read[i].Value.State.Decision.Reason, result is null ? "" : Elapsed.Format(result.Value.Elapsed));
        }
        if (failures.Count > 0)
            throw new BuildFailedException(NodeAttempt.Summary(failures, nodes.Count));
        // every node now runs what was asked: the changed ones were deployed, the others already had it
        return requests.ToDictionary(r => r.Node.Name, r => new NodeDeployed(r.Desired.BundleHash, r.Desired.Tag ?? ResolvedTag));
    }

    /// <summary>Pre-flight of every node about to change, in parallel; any failure stops the target before a node is touched.</summary>
    static async Task<PreflightReport[]> PreflightAllAsync(IReadOnlyList<ICommandExecutor> connections, IReadOnlyList<NodeSpec> nodes, CancellationToken ct)
    {
        var preflights = await Task.WhenAll(nodes.Select((n, i) => NodeDeployer.PreflightAsync(connections[i], n, ct)));
        if (preflights.Where(p => !p.Passed).ToList() is { Count: > 0 } failed)
            throw new BuildFailedException("pre-flight failed, no node was touched:\n" +
                                           string.Join("\n", failed.SelectMany(p => p.Failures.Select(f => $"  - {p.Node}: {f}"))));
        return preflights;
    }

    /// <summary>A node's request for --dry-run: secrets and the registry token as placeholders, images by reference.</summary>
    NodeDeployRequest DryRunRequest(EnvironmentTopology env, NodeSpec node, NodeBundle bundle)
    {
        var login = env.Registry is { Username: { } user, TokenSecret: not null } ? new RegistryPull(env.Registry.PullHost, user, SecretMasker.Placeholder) : null;
        return new NodeDeployRequest(node, bundle, new DeployStamp(bundle.Hash, bundle.EnvImages, []),
            bundle.SecretNames.ToDictionary(name => name, _ => SecretMasker.Placeholder), login, HealthTimeout, Force);
    }

    /// <summary>
    /// The nodes of <paramref name="role"/> that --target-node selects (all of them without it). Names are checked against
    /// every node, so a typo lists the valid ones; a selection without a node of this role makes the target a no-op.
    /// </summary>
    IReadOnlyList<NodeSpec> NodesWithRole(EnvironmentTopology env, NodeRole role)
    {
        var selected = NodeSelector.ForDeploy(env, TargetNode, role, PlannedTargets);
        if (selected.Count == 0)
            Log.Information("No {Role} node selected by --target-node {Nodes}: nothing to do", role.ToString().ToLowerInvariant(), string.Join(",", TargetNode));
        return selected;
    }
}
