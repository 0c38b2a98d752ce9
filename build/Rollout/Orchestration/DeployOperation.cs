using Ktrdr.Deploy.Rollout.Deploy;
using Ktrdr.Deploy.Rollout.Swarm;
using Ktrdr.Deploy.Topology;
using Serilog;

namespace Ktrdr.Deploy.Rollout.Orchestration;

/// <summary>
/// The deploy targets (DeployCore, DeployWorkers, DeployGpu), Patch and Rollback --tag: the selected nodes' rendered
/// bundles checked against this run's tag, a dry-run or production plan printed, secrets fetched once, then every node's
/// desired state handed to <see cref="NodeDeploys"/> under the deploy lock.
/// </summary>
public static class DeployOperation
{
    /// <summary>Patch: an already pushed tag to the named nodes only.</summary>
    public static async Task PatchAsync(OperationScope scope, DeployOptions options, CancellationToken ct)
    {
        if (options.TargetNodes.Count == 0)
            throw new RolloutException("Patch deploys to the nodes you name: give --target-node (e.g. workers-b), or use the Deploy targets");
        await DeployAllAsync(scope, options, ct, "Patch");
    }

    /// <summary>Every role, stage after stage (<see cref="RolloutStages"/>), each target audited as <paramref name="auditAs"/> (default Deploy&lt;Role&gt;).</summary>
    public static async Task DeployAllAsync(OperationScope scope, DeployOptions options, CancellationToken ct, string? auditAs = null)
    {
        foreach (var stage in RolloutStages.All) await DeployStageAsync(scope, stage, options, ct, auditAs);
    }

    /// <summary>
    /// A deploy target: this role's nodes, with those of the later roles of its stage that the run plans too
    /// (<see cref="RolloutStages.ForTarget"/>: DeployCore takes the worker and gpu nodes when DeployWorkers and DeployGpu are
    /// planned, which then have nothing left to do).
    /// </summary>
    public static Task DeployRoleAsync(OperationScope scope, NodeRole role, DeployOptions options, CancellationToken ct)
    {
        if (scope.Env.Engine == DeployEngine.Swarm) return SwarmDeployOperation.DeployAsync(scope, role, options, ct);
        var roles = RolloutStages.ForTarget(role, options.PlannedTargets);
        if (roles.Count > 0) return DeployStageAsync(scope, roles, options, ct, null);
        var beside = RolloutStages.DeployedBeside(role, options.PlannedTargets)!.Value;
        Log.Information("The {Role} nodes are deployed beside the {Beside} nodes by {Target}: nothing left to do", Lower(role), Lower(beside),
            DeployTargets.Of(beside)[0]);
        return Task.CompletedTask;
    }

    private static string Lower(NodeRole role) => role.ToString().ToLowerInvariant();

    /// <summary>The selected nodes of <paramref name="roles"/>, side by side under one lock, one audit entry per target.</summary>
    private static async Task DeployStageAsync(OperationScope scope, IReadOnlyList<NodeRole> roles, DeployOptions options, CancellationToken ct, string? auditAs)
    {
        // Patch and Rollback --tag deploy every role, so a node of any role is theirs (DeployTargets.Of names Patch for each)
        var planned = auditAs is null ? options.PlannedTargets : [DeployTargets.Patch];
        IReadOnlyList<(NodeRole Role, IReadOnlyList<NodeSpec> Nodes)> selected =
            [.. roles.Select(r => (r, NodesWithRole(scope.Env, r, options.TargetNodes, planned))).Where(s => s.Item2.Count > 0)];
        var target = string.Join("+", selected.Select(s => auditAs ?? $"Deploy{s.Role}").DefaultIfEmpty(auditAs ?? $"Deploy{roles[0]}").Distinct());
        scope.RequireComposeEngine(target);
        var nodes = selected.SelectMany(s => s.Nodes).ToList();
        if (nodes.Count == 0) return;

        var bundles = Bundles(scope, nodes);
        RequireRenderedForThisTag(bundles.Values, scope);
        if (options.DryRun || scope.NeedsConfirmation)
        {
            // no secret is fetched and no registry asked: the plan shows names, never values
            DeployPlanView.Print([.. nodes.Select(n => DeployRequests.ForDryRun(scope.Env, n, bundles[n.Name], options))]);
            if (options.DryRun) return;
            scope.RequireConfirmation(target);
        }

        // secrets and image digests first: a run that cannot have them stops before any node is touched
        var requests = await RequestsAsync(scope, selected, bundles, options, ct);
        // the way back from a Swarm stack: core's manager still runs it, so it goes first (docs/swarm.md)
        await ComposeReturner.RemoveStackIfAnyAsync(scope, nodes, options, ct);
        NodeRead.Open(scope.Connections, requests, ct);
        // one audit entry per target, as when each ran alone: History reads "DeployWorkers workers-b,workers-c" and "DeployGpu gpu"
        var audited = selected.Select(s => new AuditedTarget(auditAs ?? $"Deploy{s.Role}", s.Nodes,
            Images(requests.Where(r => s.Nodes.Contains(r.Node)).SelectMany(r => r.Desired.Images)))).ToList();
        await LockedOperation.RunAsync(scope, audited, () => NodeDeploys.RunAsync(scope.Connections, requests, ct), ct);
    }

    /// <summary>The images an audit entry records: each image variable once (the first node's value; every node of a run has the same tag).</summary>
    internal static Dictionary<string, string> Images(IEnumerable<KeyValuePair<string, string>> images) =>
        images.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.First().Value);

    /// <summary>Refuses a bundle rendered for another tag than this run deploys (RenderConfigs skipped after the tag changed).</summary>
    internal static void RequireRenderedForThisTag(IEnumerable<NodeBundle> bundles, OperationScope scope)
    {
        if (bundles.FirstOrDefault(b => b.Tag is not null && b.Tag != scope.Tag) is { } stale)
            throw new RolloutException($"{stale.Directory} was rendered for tag {stale.Tag}, but this run deploys {scope.Tag}: " +
                                       "run RenderConfigs with the same --tag first (do not --skip it when the tag changes)");
    }

    internal static Dictionary<string, NodeBundle> Bundles(OperationScope scope, IReadOnlyList<NodeSpec> nodes) =>
        nodes.ToDictionary(n => n.Name, n => NodeBundle.Load(scope.RenderRoot, scope.Env, n));

    /// <summary>Each node's wish: its bundle, the images it resolves to now, its secrets (fetched once per run) and its registry login.</summary>
    private static async Task<List<NodeDeployRequest>> RequestsAsync(OperationScope scope, IReadOnlyList<(NodeRole Role, IReadOnlyList<NodeSpec> Nodes)> roles,
        IReadOnlyDictionary<string, NodeBundle> bundles, DeployOptions options, CancellationToken ct)
    {
        var secrets = await scope.Secrets.FetchAsync(scope.Env, bundles.Values.SelectMany(b => b.SecretNames).Concat(scope.RegistrySecretName).Distinct(), ct);
        var wishes = roles.SelectMany(r => r.Nodes.Select(node => (r.Role, Node: node))).ToList();
        var images = await Task.WhenAll(wishes.Select(w => scope.Images.ResolveAsync(scope.Env, w.Node, bundles[w.Node.Name], secrets, scope.Tag, ct)));
        return [.. wishes.Select((w, i) => DeployRequests.For(w.Node, w.Role, bundles[w.Node.Name], images[i], secrets, scope.PullLogin(secrets), scope.Tag, options))];
    }

    /// <summary>
    /// The nodes of <paramref name="role"/> that --target-node selects (all of them without it). Names are checked against
    /// every node, so a typo lists the valid ones; a node that no planned target deploys is an error naming the target that
    /// does; a selection of nodes that other planned targets deploy makes this target a no-op.
    /// </summary>
    private static IReadOnlyList<NodeSpec> NodesWithRole(EnvironmentTopology env, NodeRole role, IReadOnlyList<string> targetNodes,
        IReadOnlyCollection<string> plannedTargets)
    {
        var selected = NodeSelector.ForDeploy(env, targetNodes, role, plannedTargets);
        if (selected.Count == 0)
            Log.Information("No {Role} node selected by --target-node {Nodes}: nothing to do", role.ToString().ToLowerInvariant(), string.Join(",", targetNodes));
        return selected;
    }
}
