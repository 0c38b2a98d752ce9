using System.Diagnostics;
using BuildEngine;
using Ktrdr.Deploy.Rollout.Deploy;
using Ktrdr.Deploy.Rollout.Nodes;
using Ktrdr.Deploy.Rollout.Orchestration;
using Ktrdr.Deploy.Topology;
using Serilog;

namespace Ktrdr.Deploy.EntryPoints;

/// <summary>
/// A benchmark, not a test: it prints numbers and asserts nothing. On the lab it removes the stacks, then times a deploy
/// of every node, a no-op redeploy, Verify, a rolling update of every worker (each drained, replaced, healthy and
/// registered, one at a time per node, nodes in parallel) and a rollback of every worker node; removes them again and
/// times the sequential scp + ssh procedure (node after node) until Verify is green on the same lab; prints both and the ratio.
/// </summary>
public static class RolloutBenchmark
{
    public static async Task RunAsync(OperationScope scope, DeployOptions options, string sshConfig, Func<Task> verify, CancellationToken ct)
    {
        var env = scope.Env;
        await RemoveStacksAsync(scope, ct);
        var deploy = await TimeAsync(() => DeployOperation.DeployAllAsync(scope, options, ct));
        var noop = await TimeAsync(() => DeployOperation.DeployAllAsync(scope, options, ct));
        var diff = await TimeAsync(() => DiffOperation.ReadAsync(scope, env.Nodes, DiffBaseline.Deployed, ct));
        var verified = await TimeAsync(verify);
        var workerNodes = env.Nodes.Where(n => n.Role != NodeRole.Core).ToList();
        // without their stamps the worker nodes take the bundle as new: uploaded (the running one kept as .previous, for the
        // rollback below) and every running worker drained, replaced, healthy and registered, as an update to a new tag
        await Task.WhenAll(workerNodes.Select(async n => await NodeRun.RequireAsync(await scope.Connections.ConnectAsync(n, ct), StackRemoval.ForgetStamp(n), ct)));
        var rolling = await TimeAsync(async () =>
        {
            foreach (var role in new[] { NodeRole.Workers, NodeRole.Gpu }) await DeployOperation.DeployRoleAsync(scope, role, options, ct);
        });
        var rollback = await TimeAsync(() => RollbackOperation.ToPreviousBundleAsync(scope, workerNodes, options.HealthTimeout, ct));

        await RemoveStacksAsync(scope, ct);
        var bundles = env.Nodes.Select(n => NodeBundle.Load(scope.RenderRoot, env, n)).ToList();
        var secrets = await scope.Secrets.FetchAsync(env, bundles.SelectMany(b => b.SecretNames).Concat(scope.RegistrySecretName).Distinct(), ct);
        var byHand = env.Nodes.Select((n, i) => (n, bundles[i], secrets.For(bundles[i].SecretNames))).ToList();
        var sequential = await SequentialScpSshRollout.RolloutAsync(sshConfig, byHand, scope.PullLogin(secrets), ct);
        var sequentialGreen = await TimeAsync(verify);
        // the sequential procedure has no "unchanged": every update (or re-run after a doubt) repeats the whole sequence
        var sequentialAgain = await SequentialScpSshRollout.RolloutAsync(sshConfig, byHand, scope.PullLogin(secrets), ct);
        await DeployOperation.DeployAllAsync(scope, options, ct);   // leave the lab as a rollout leaves it (stamps written)

        var ours = deploy + verified;
        var theirs = sequential + sequentialGreen;
        Log.Information("Benchmark on lab, {Nodes} nodes:", env.Nodes.Count);
        Log.Information("  rollout (deploy every node, health included)  {Time,8}", Elapsed.Format(deploy));
        Log.Information("  no-op redeploy (every node unchanged, drift read included) {Time,8}", Elapsed.Format(noop));
        Log.Information("  Diff of every node (one round trip each)      {Time,8}", Elapsed.Format(diff));
        Log.Information("  Verify                                        {Time,8}", Elapsed.Format(verified));
        Log.Information("  rolling update of every worker ({Services} services on {Nodes} nodes) {Time,8}",
            workerNodes.Sum(n => bundles[env.Nodes.ToList().IndexOf(n)].Services.Count), workerNodes.Count, Elapsed.Format(rolling));
        Log.Information("  rollback of every worker node (goal 10 s)     {Time,8}", Elapsed.Format(rollback));
        Log.Information("  until green, ours (rollout + Verify)          {Time,8}", Elapsed.Format(ours));
        Log.Information("  until green, sequential scp + ssh per node, then Verify {Time,8} ({Seeds} + {Green})",
            Elapsed.Format(theirs), Elapsed.Format(sequential), Elapsed.Format(sequentialGreen));
        Log.Information("  redeploy with nothing changed: ours {Ours}, sequential scp + ssh {Seeds}", Elapsed.Format(noop), Elapsed.Format(sequentialAgain));
        Log.Information("  ratio sequential scp + ssh / ours: {Ratio:0.0}x until green from empty nodes, {Redeploy:0}x for a redeploy with nothing changed",
            theirs.TotalSeconds / ours.TotalSeconds, sequentialAgain.TotalSeconds / noop.TotalSeconds);
    }

    private static Task RemoveStacksAsync(OperationScope scope, CancellationToken ct) =>
        Task.WhenAll(scope.Env.Nodes.Select(async node => await NodeRun.RequireAsync(await scope.Connections.ConnectAsync(node, ct), StackRemoval.RemoveStacks(node), ct)));

    private static async Task<TimeSpan> TimeAsync(Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed;
    }
}
