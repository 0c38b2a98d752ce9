using System.Diagnostics;
using BuildEngine;
using Ktrdr.Deploy.Rollout.Deploy;
using Ktrdr.Deploy.Rollout.Nodes;
using Ktrdr.Deploy.Rollout.Orchestration;
using Ktrdr.Deploy.Topology;
using Serilog;

namespace Ktrdr.Deploy.EntryPoints;

/// <summary>
/// A benchmark, not a test: it prints numbers and asserts nothing. On the lab (images pulled once) it removes the stacks, then times until
/// green (deploy of every node, then Verify) three ways: ours, the floor (<see cref="FloorRollout"/>: the bare minimum on
/// every node at once) and the seeds' sequential scp + ssh (node after node); and a new tag everywhere (every node ran
/// the bundle before, workers idle; simulated by forgetting the stamps and --force, so every container is replaced),
/// ours against the floor for an update. Also a no-op redeploy, Diff, a rolling update and a rollback of every worker.
/// </summary>
public static class RolloutBenchmark
{
    public static async Task RunAsync(OperationScope scope, DeployOptions options, string sshConfig, Func<Task> verify, CancellationToken ct)
    {
        var env = scope.Env;
        var bundles = env.Nodes.Select(n => NodeBundle.Load(scope.RenderRoot, env, n)).ToList();
        var secrets = await scope.Secrets.FetchAsync(env, bundles.SelectMany(b => b.SecretNames).Concat(scope.RegistrySecretName).Distinct(), ct);
        var byHand = env.Nodes.Select((n, i) => (n, bundles[i], secrets.For(bundles[i].SecretNames))).ToList();
        var login = scope.PullLogin(secrets);

        // "empty nodes": no stack, no files, no stamp, but this tag's images pulled once (untimed here), so no line pays
        // a download that the lines after it skip
        await FloorRollout.RolloutAsync(scope, byHand, login, recreate: false, ct);
        await RemoveStacksAsync(scope, ct);
        var ours = await UntilGreenAsync(() => DeployOperation.DeployAllAsync(scope, options, ct), verify);
        var noop = await TimeAsync(() => DeployOperation.DeployAllAsync(scope, options, ct));
        var diff = await TimeAsync(() => DiffOperation.ReadAsync(scope, env.Nodes, DiffBaseline.Deployed, ct));

        await ForgetStampsAsync(scope, env.Nodes, ct);
        var update = await UntilGreenAsync(() => DeployOperation.DeployAllAsync(scope, options with { Force = true }, ct), verify);
        var updateFloor = await UntilGreenAsync(() => FloorRollout.RolloutAsync(scope, byHand, login, recreate: true, ct), verify);

        var workerNodes = env.Nodes.Where(n => n.Role != NodeRole.Core).ToList();
        // without their stamps the worker nodes take the bundle as new: uploaded (the running one kept as .previous, for the
        // rollback below) and every running worker drained, replaced, healthy and registered, as an update to a new tag
        await ForgetStampsAsync(scope, workerNodes, ct);
        // as ./build.sh DeployWorkers DeployGpu: both targets planned, so the gpu node goes side by side with the workers
        var workersAndGpu = options with { PlannedTargets = [.. options.PlannedTargets, .. DeployTargets.Of(NodeRole.Workers).Take(1), .. DeployTargets.Of(NodeRole.Gpu).Take(1)] };
        var rolling = await TimeAsync(async () =>
        {
            foreach (var role in new[] { NodeRole.Workers, NodeRole.Gpu }) await DeployOperation.DeployRoleAsync(scope, role, workersAndGpu, ct);
        });
        var rollback = await TimeAsync(() => RollbackOperation.ToPreviousBundleAsync(scope, workerNodes, options.HealthTimeout, ct));

        await RemoveStacksAsync(scope, ct);
        var floor = await UntilGreenAsync(() => FloorRollout.RolloutAsync(scope, byHand, login, recreate: false, ct), verify);
        await RemoveStacksAsync(scope, ct);
        var theirs = await UntilGreenAsync(() => SequentialScpSshRollout.RolloutAsync(sshConfig, byHand, login, ct), verify);
        // the sequential procedure has no "unchanged": every update (or re-run after a doubt) repeats the whole sequence
        var sequentialAgain = await SequentialScpSshRollout.RolloutAsync(sshConfig, byHand, login, ct);
        await DeployOperation.DeployAllAsync(scope, options, ct);   // leave the lab as a rollout leaves it (stamps written)

        Log.Information("Benchmark on lab, {Nodes} nodes (deploy + Verify = until green):", env.Nodes.Count);
        Print("until green from empty nodes, ours", ours);
        Print("until green from empty nodes, floor (upload, pull, up -d on every node at once)", floor);
        Print("until green from empty nodes, sequential scp + ssh per node", theirs);
        Print("a new tag everywhere until green, ours (--force: every container replaced)", update);
        Print("a new tag everywhere until green, floor (up -d --force-recreate on every node at once)", updateFloor);
        Log.Information("  redeploy with nothing changed: ours {Ours}, sequential scp + ssh {Seeds}", Elapsed.Format(noop), Elapsed.Format(sequentialAgain));
        Log.Information("  Diff of every node (one round trip each)      {Time,8}", Elapsed.Format(diff));
        Log.Information("  rolling update of every worker ({Services} services on {Nodes} nodes) {Time,8}",
            workerNodes.Sum(n => bundles[env.Nodes.ToList().IndexOf(n)].Services.Count), workerNodes.Count, Elapsed.Format(rolling));
        Log.Information("  rollback of every worker node (goal 10 s)     {Time,8}", Elapsed.Format(rollback));
        Log.Information("  ratio sequential / ours until green from empty nodes: {Ratio:0.00} (goal >= 2.0)", theirs.Total.TotalSeconds / ours.Total.TotalSeconds);
        Log.Information("  ratio ours / floor until green from empty nodes: {Ratio:0.00} (goal <= 1.2)", ours.Total.TotalSeconds / floor.Total.TotalSeconds);
        Log.Information("  ratio ours / floor for a new tag everywhere: {Ratio:0.00} (goal <= 1.2)", update.Total.TotalSeconds / updateFloor.Total.TotalSeconds);
        Log.Information("  ratio sequential / ours for a redeploy with nothing changed: {Ratio:0}x", sequentialAgain.TotalSeconds / noop.TotalSeconds);
    }

    /// <summary>A deploy, then Verify until green: both times.</summary>
    private sealed record UntilGreen(TimeSpan Deploy, TimeSpan Verify)
    {
        public TimeSpan Total => Deploy + Verify;
    }

    private static async Task<UntilGreen> UntilGreenAsync(Func<Task> deploy, Func<Task> verify) => new(await TimeAsync(deploy), await TimeAsync(verify));

    private static async Task<UntilGreen> UntilGreenAsync(Func<Task<TimeSpan>> deploy, Func<Task> verify) => new(await deploy(), await TimeAsync(verify));

    private static void Print(string line, UntilGreen time) =>
        Log.Information("  {Line,-92} {Total,8} (deploy {Deploy} + Verify {Verify})", line, Elapsed.Format(time.Total), Elapsed.Format(time.Deploy), Elapsed.Format(time.Verify));

    private static Task RemoveStacksAsync(OperationScope scope, CancellationToken ct) => OnEveryNodeAsync(scope, scope.Env.Nodes, StackRemoval.RemoveStacks, ct);

    private static Task ForgetStampsAsync(OperationScope scope, IEnumerable<NodeSpec> nodes, CancellationToken ct) => OnEveryNodeAsync(scope, nodes, StackRemoval.ForgetStamp, ct);

    private static Task OnEveryNodeAsync(OperationScope scope, IEnumerable<NodeSpec> nodes, Func<NodeSpec, Ktrdr.Deploy.Remote.RemoteCommand> command, CancellationToken ct) =>
        Task.WhenAll(nodes.Select(async node => await NodeRun.RequireAsync(await scope.Connections.ConnectAsync(node, ct), command(node), ct)));

    private static async Task<TimeSpan> TimeAsync(Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed;
    }
}
