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
    private static readonly NodeRole[] Roles = [NodeRole.Core, NodeRole.Workers, NodeRole.Gpu];

    /// <summary>Patch: an already pushed tag to the named nodes only.</summary>
    public static async Task PatchAsync(OperationScope scope, DeployOptions options, CancellationToken ct)
    {
        if (options.TargetNodes.Count == 0)
            throw new RolloutException("Patch deploys to the nodes you name: give --target-node (e.g. workers-b), or use the Deploy targets");
        await DeployAllAsync(scope, options, ct, "Patch");
    }

    /// <summary>Core, then workers, then gpu, each role recorded as <paramref name="auditAs"/> (default Deploy&lt;Role&gt;).</summary>
    public static async Task DeployAllAsync(OperationScope scope, DeployOptions options, CancellationToken ct, string? auditAs = null)
    {
        var sequence = scope with { States = new StateReads() };   // one plan: its own read-ahead, whatever ran before in this process
        foreach (var role in Roles) await DeployRoleAsync(sequence, role, options, ct, auditAs, readAhead: [.. After(role)]);
    }

    /// <summary>A deploy target: this role's nodes, and (see <see cref="StateReads"/>) the nodes of the run's later planned deploy targets read ahead.</summary>
    public static Task DeployRoleAsync(OperationScope scope, NodeRole role, DeployOptions options, CancellationToken ct) =>
        DeployRoleAsync(scope, role, options, ct, null,
            readAhead: [.. After(role).Where(r => options.PlannedTargets.Contains(DeployTargets.Of(r)[0]))]);

    /// <summary>The roles deployed after <paramref name="role"/> (core, then workers, then gpu).</summary>
    private static IEnumerable<NodeRole> After(NodeRole role) => Roles.SkipWhile(r => r != role).Skip(1);

    private static async Task DeployRoleAsync(OperationScope scope, NodeRole role, DeployOptions options, CancellationToken ct, string? auditAs,
        IReadOnlyList<NodeRole> readAhead)
    {
        var target = auditAs ?? $"Deploy{role}";
        if (auditAs is null && scope.Env.Engine == DeployEngine.Swarm)
        {
            await SwarmDeployOperation.DeployAsync(scope, role, options, ct);
            return;
        }
        scope.RequireComposeEngine(target);
        // Patch and Rollback --tag deploy every role, so a node of any role is theirs (DeployTargets.Of names Patch for each)
        var planned = auditAs is null ? options.PlannedTargets : [DeployTargets.Patch];
        var nodes = NodesWithRole(scope.Env, role, options.TargetNodes, planned);
        if (nodes.Count == 0) return;

        var bundles = Bundles(scope, nodes);
        if (bundles.Values.FirstOrDefault(b => RenderedForAnotherTag(b, scope)) is { } stale)
            throw new RolloutException($"{stale.Directory} was rendered for tag {stale.Tag}, but this run deploys {scope.Tag}: " +
                                       "run RenderConfigs with the same --tag first (do not --skip it when the tag changes)");
        if (options.DryRun || scope.NeedsConfirmation)
        {
            // no secret is fetched and no registry asked: the plan shows names, never values
            DeployPlanView.Print([.. nodes.Select(n => DeployRequests.ForDryRun(scope.Env, n, bundles[n.Name], options))]);
            if (options.DryRun) return;
            scope.RequireConfirmation(target);
        }

        var requests = await RequestsAsync(scope, role, nodes, bundles, options, ct);
        var ahead = await ReadAheadRequestsAsync(scope, readAhead, options, planned, ct);
        StateReads.Open(scope.Connections, [.. requests, .. ahead], ct);
        var images = requests.SelectMany(r => r.Desired.Images).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.First().Value);
        await LockedOperation.RunAsync(scope, target, nodes, images, () =>
        {
            scope.States.Start(scope.Connections, ahead, ct);
            return NodeDeploys.RunAsync(scope.Connections, scope.States, requests, ct);
        }, ct);
    }

    /// <summary>A bundle rendered for another tag than this run deploys (RenderConfigs skipped after the tag changed).</summary>
    internal static bool RenderedForAnotherTag(NodeBundle bundle, OperationScope scope) => bundle.Tag is not null && bundle.Tag != scope.Tag;

    internal static Dictionary<string, NodeBundle> Bundles(OperationScope scope, IReadOnlyList<NodeSpec> nodes) =>
        nodes.ToDictionary(n => n.Name, n => NodeBundle.Load(scope.RenderRoot, scope.Env, n));

    /// <summary>Each node's wish: its bundle, the images it resolves to now, its secrets (fetched once per run) and its registry login.</summary>
    private static async Task<List<NodeDeployRequest>> RequestsAsync(OperationScope scope, NodeRole role, IReadOnlyList<NodeSpec> nodes,
        IReadOnlyDictionary<string, NodeBundle> bundles, DeployOptions options, CancellationToken ct)
    {
        var secrets = await scope.Secrets.FetchAsync(scope.Env, bundles.Values.SelectMany(b => b.SecretNames).Concat(scope.RegistrySecretName).Distinct(), ct);
        var requests = new List<NodeDeployRequest>();
        foreach (var node in nodes)
            requests.Add(DeployRequests.For(node, role, bundles[node.Name], await scope.Images.ResolveAsync(scope.Env, node, bundles[node.Name], secrets, scope.Tag, ct),
                secrets, scope.PullLogin(secrets), scope.Tag, options));
        return requests;
    }

    /// <summary>
    /// The wishes of the later roles' nodes, to read ahead (each role once per run). Only an optimisation: a role whose
    /// bundles, secrets or images cannot be had now is left to its own target, which reports why.
    /// </summary>
    private static async Task<List<NodeDeployRequest>> ReadAheadRequestsAsync(OperationScope scope, IReadOnlyList<NodeRole> roles, DeployOptions options,
        IReadOnlyCollection<string> planned, CancellationToken ct)
    {
        var ahead = new List<NodeDeployRequest>();
        if (options.DryRun || scope.NeedsConfirmation) return ahead;
        foreach (var role in roles.Where(scope.States.Claim))
        {
            try
            {
                var nodes = NodeSelector.ForDeploy(scope.Env, options.TargetNodes, role, planned);
                if (nodes.Count == 0) continue;
                var bundles = Bundles(scope, nodes);
                if (bundles.Values.Any(b => RenderedForAnotherTag(b, scope))) continue;
                ahead.AddRange(await RequestsAsync(scope, role, nodes, bundles, options, ct));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.Debug("Not reading the {Role} nodes ahead: {Reason}", role, e.Message);
            }
        }
        return ahead;
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
