using Ktrdr.Deploy.Rollout.Deploy;
using Ktrdr.Deploy.Rollout.Nodes;
using Ktrdr.Deploy.Rollout.Operations;
using Ktrdr.Deploy.Topology;
using Serilog;

namespace Ktrdr.Deploy.Rollout.Orchestration;

/// <summary>
/// Rollback: without a tag, each node back to its previous good deploy from the audit history (the bundle it keeps as
/// .previous); with a tag, that tag rendered and sent through the deploy path and its gates.
/// </summary>
public static class RollbackOperation
{
    /// <param name="renderNamedTag">Renders the configuration for the --tag given; null without --tag (back to the previous good deploy).</param>
    public static async Task RunAsync(OperationScope scope, DeployOptions options, Func<CancellationToken, Task>? renderNamedTag, CancellationToken ct)
    {
        scope.RequireComposeEngine("Rollback");
        if (renderNamedTag is not null)
        {
            await renderNamedTag(ct);
            await DeployOperation.DeployAllAsync(scope, options, ct, "Rollback");
            return;
        }
        var nodes = NodeSelector.Select(scope.Env, options.TargetNodes);
        await CheckPreviousGoodAsync(scope, nodes, ct);
        scope.RequireConfirmation("Rollback");
        await ToPreviousBundleAsync(scope, nodes, options.HealthTimeout, ct);
    }

    /// <summary>
    /// Every node must go back to the newest successful deploy of another bundle in the audit history, which it keeps as
    /// .previous: all are checked first, and one that cannot go back stops the run before any is touched.
    /// </summary>
    private static async Task CheckPreviousGoodAsync(OperationScope scope, IReadOnlyList<NodeSpec> nodes, CancellationToken ct)
    {
        var core = await scope.Connections.ConnectAsync(scope.Core, ct);
        var history = OperationJson.Audit((await NodeRun.RequireAsync(core, OperationCommands.ReadAudit(), ct)).StandardOutput);
        var choices = await Task.WhenAll(nodes.Select(async n =>
        {
            var connection = await scope.Connections.ConnectAsync(n, ct);
            var current = DeployStamp.Parse(await connection.ReadFileAsync(DeployStamp.PathOn(n), ct));
            var good = RollbackChoice.PreviousGood(history, n.Name, current?.BundleHash);
            return (Node: n, Good: good, Refusal: RollbackChoice.Refusal(n.Name, good, await NodeRollback.PreviousAsync(connection, n, ct)));
        }));
        if (choices.Where(c => c.Refusal is not null).ToList() is { Count: > 0 } refused)
            throw new RolloutException("Rollback stopped, no node was touched:\n" + string.Join("\n", refused.Select(c => $"  - {c.Refusal}")));
        foreach (var c in choices)
            Log.Information("  {Node,-10} back to tag {Tag} (bundle {Bundle}, deployed by {Target} of {User} at {Time:yyyy-MM-dd HH:mm:ss}Z)",
                c.Node.Name, c.Good!.Deployed.Tag, c.Good.Deployed.Bundle[..Math.Min(12, c.Good.Deployed.Bundle.Length)], c.Good.Target, c.Good.User, c.Good.Time.UtcDateTime);
    }

    /// <summary>Swaps each node back to the bundle it keeps as .previous, under the lock, in parallel: pull, up, health, stamp.</summary>
    public static async Task ToPreviousBundleAsync(OperationScope scope, IReadOnlyList<NodeSpec> nodes, TimeSpan healthTimeout, CancellationToken ct)
    {
        var env = scope.Env;
        var secrets = await scope.Secrets.FetchAsync(env, env.Secrets.Keys, ct);
        var login = scope.PullLogin(secrets);
        var composeSecrets = secrets.For(env.Secrets.Keys.Where(k => k != env.Registry.TokenSecret));
        await LockedOperation.RunAsync(scope, "Rollback", nodes, new Dictionary<string, string>(), async () =>
        {
            var connections = await Task.WhenAll(nodes.Select(n => scope.Connections.ConnectAsync(n, ct)));
            var preflights = await PreflightGate.AllAsync(connections, nodes, ct);
            var results = await Task.WhenAll(nodes.Select((n, i) => NodeAttempt.RunAsync(n.Name, () =>
                NodeRollback.RunAsync(connections[i], n, preflights[i], composeSecrets, login, healthTimeout, ct))));
            NodeOutcomeReport.Print([.. results.Select(r => new NodeOutcome(r.Node, r.Succeeded ? r.Value.Reason : "", "", r.Value?.Elapsed, r.Failure))]);
            return results.ToDictionary(r => r.Node, r => r.Value.Landed);
        }, ct);
    }
}
