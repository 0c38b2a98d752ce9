using BuildEngine;
using Ktrdr.Deploy.Rollout.Deploy;
using Ktrdr.Deploy.Rollout.Nodes;
using Ktrdr.Deploy.Rollout.Operations;
using Ktrdr.Deploy.Topology;
using Serilog;

namespace Ktrdr.Build;

/// <summary>
/// Rollback: without --tag, each node back to its previous good deploy from the audit history (the bundle it keeps
/// as .previous); with --tag, that tag through the deploy path and its gates.
/// </summary>
partial class Build
{
    Target Rollback => _ => _
        .Description("Put each selected node (--target-node, default all) back on its previous good deploy from the audit history, or on --tag")
        .DependsOn(LabUp)
        .Uses(() => Environment, () => TargetNode, () => Tag, () => HealthTimeout, () => DrainTimeout, () => BatchSize, () => Confirm, () => LockWait)
        .Executes(async ct =>
        {
            if (Tag is not null)
            {
                // a named tag: the current configuration with that tag's images, through the deploy path and its gates
                await RenderAsync(ct);
                foreach (var role in new[] { NodeRole.Core, NodeRole.Workers, NodeRole.Gpu }) await DeployRoleAsync(role, ct, "Rollback");
                return;
            }
            await RollbackToPreviousGoodAsync(ct);
        });

    /// <summary>
    /// Each node back to the newest successful deploy of another bundle in the audit history, which it keeps as .previous:
    /// every node is checked first, and one that cannot go back stops the run before any is touched.
    /// </summary>
    async Task RollbackToPreviousGoodAsync(CancellationToken ct)
    {
        var env = WithRuntimeAddresses(LoadTopology());
        var nodes = SelectNodes(env);
        var history = OperationJson.Audit((await NodeRun.RequireAsync(await ConnectAsync(CoreNode(env), ct), OperationCommands.ReadAudit(), ct)).StandardOutput);
        var connections = await Task.WhenAll(nodes.Select(n => ConnectAsync(n, ct)));
        var choices = await Task.WhenAll(nodes.Select(async (n, i) =>
        {
            var current = DeployStamp.Parse(await connections[i].ReadFileAsync(DeployStamp.PathOn(n), ct));
            var good = RollbackChoice.PreviousGood(history, n.Name, current?.BundleHash);
            return (Node: n, Good: good, Refusal: RollbackChoice.Refusal(n.Name, good, await NodeRollback.PreviousAsync(connections[i], n, ct)));
        }));
        if (choices.Where(c => c.Refusal is not null).ToList() is { Count: > 0 } refused)
            throw new BuildFailedException("Rollback stopped, no node was touched:\n" + string.Join("\n", refused.Select(c => $"  - {c.Refusal}")));
        foreach (var c in choices)
            Log.Information("  {Node,-10} back to tag {Tag} (bundle {Bundle}, deployed by {Target} of {User} at {Time:yyyy-MM-dd HH:mm:ss}Z)",
                c.Node.Name, c.Good!.Deployed.Tag, c.Good.Deployed.Bundle[..Math.Min(12, c.Good.Deployed.Bundle.Length)], c.Good.Target, c.Good.User, c.Good.Time.UtcDateTime);
        RequireConfirmation(env, "Rollback");

        await RollbackNodesAsync(env, nodes, ct);
    }

    /// <summary>Swaps each node back to the bundle it keeps as .previous, under the lock, in parallel: pull, up, health, stamp.</summary>
    async Task RollbackNodesAsync(EnvironmentTopology env, IReadOnlyList<NodeSpec> nodes, CancellationToken ct)
    {
        var secrets = await FetchSecretsAsync(env, env.Secrets.Keys, ct);
        var login = PullLogin(env, secrets);
        var composeSecrets = secrets.For(env.Secrets.Keys.Where(k => k != env.Registry.TokenSecret));
        await UnderLockAsync(env, "Rollback", nodes, new Dictionary<string, string>(), async () =>
        {
            var connections = await Task.WhenAll(nodes.Select(n => ConnectAsync(n, ct)));
            var preflights = await PreflightAllAsync(connections, nodes, ct);
            var results = await Task.WhenAll(nodes.Select((n, i) => NodeAttempt.RunAsync(n.Name, () =>
                NodeRollback.RunAsync(connections[i], n, preflights[i], composeSecrets, login, HealthTimeout, ct))));
            foreach (var result in results)
            {
                if (result.Failure is { } failure)
                    Log.Error("  {Node,-10} FAILED at {Step}: {Message}", failure.Node, failure.Step, failure.Message.Split('\n')[0]);
                else
                    Log.Information("  {Node,-10} {Reason}  {Elapsed}", result.Node, result.Value.Reason, Elapsed.Format(result.Value.Elapsed));
            }
            if (results.Select(r => r.Failure).OfType<NodeFailure>().ToList() is { Count: > 0 } failed)
                throw new BuildFailedException(NodeAttempt.Summary(failed, nodes.Count));
            return results.ToDictionary(r => r.Node, r => r.Value.Landed);
        }, ct);
    }
}
