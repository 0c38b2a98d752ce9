using System.Diagnostics;
using BuildEngine;
using Ktrdr.Build.Support;
using Ktrdr.Deploy.Commands.Compose;
using Ktrdr.Deploy.Remote;
using Ktrdr.Deploy.Rollout.Deploy;
using Ktrdr.Deploy.Rollout.Nodes;
using Ktrdr.Deploy.Topology;
using Serilog;

namespace Ktrdr.Build;

/// <summary>
/// A benchmark, not a test: it prints numbers and asserts nothing. On the lab it removes the stacks, then times a
/// deploy of every node, a no-op redeploy, Verify, a rolling update of every worker (each drained, replaced, healthy
/// and registered, one at a time per node, nodes in parallel) and a rollback of every worker node; removes them again and times the seeds' way (scp + ssh, node
/// after node) until Verify is green on the same lab; prints both and the ratio.
/// </summary>
partial class Build
{
    Target BenchmarkRollout => _ => _
        .Description("Benchmark (prints numbers): deploy, no-op redeploy, Verify, and the seeds' sequential scp + ssh way on the same lab, as a ratio")
        .DependsOn(LabUp, PushGhcr, SyncNfsLayout, RenderConfigs)
        .OnlyWhenStatic(() => IsLab)
        .Executes(async ct =>
        {
            var env = WithRuntimeAddresses(LoadTopology());
            await RemoveStacksAsync(env, ct);
            var deploy = await TimeAsync(() => DeployAllAsync(ct));
            var noop = await TimeAsync(() => DeployAllAsync(ct));
            var diff = await TimeAsync(async () => await Ktrdr.Deploy.Rollout.Drift.DriftCheck.RunAsync(await DriftRequestsAsync(env, env.Nodes, ct), n => ConnectAsync(n, ct), ct));
            var verify = await TimeAsync(async () => await VerifyAsync(TimeSpan.FromMinutes(3), ct));
            var workerNodes = env.Nodes.Where(n => n.Role != NodeRole.Core).ToList();
            // without their stamps the worker nodes take the bundle as new: uploaded (the running one kept as .previous, for the
            // rollback below) and every running worker drained, replaced, healthy and registered, as an update to a new tag
            await Task.WhenAll(workerNodes.Select(async n => await NodeRun.RequireAsync(await ConnectAsync(n, ct),
                new RemoteCommand($"rm -f {Ktrdr.Deploy.Remote.Execution.ShellQuote.Quote(DeployStamp.PathOn(n))}", $"forget the stamp of {n.Name}") { Sudo = true }, ct)));
            var rolling = await TimeAsync(async () =>
            {
                foreach (var role in new[] { NodeRole.Workers, NodeRole.Gpu }) await DeployRoleAsync(role, ct);
            });
            var rollback = await TimeAsync(() => RollbackNodesAsync(env, workerNodes, ct));

            await RemoveStacksAsync(env, ct);
            var requests = env.Nodes.Select(n => NodeBundle.Load(Path.Combine(ArtifactsDirectory, "render"), env, n)).ToList();
            var secrets = await FetchSecretsAsync(env, requests.SelectMany(b => b.SecretNames).Concat(RegistrySecretName(env)).Distinct(), ct);
            var seeds = await SeedsWay.RolloutAsync(Path.Combine(ArtifactsDirectory, "lab", "ssh", "config"),
                [.. env.Nodes.Select((n, i) => (n, requests[i], secrets.For(requests[i].SecretNames)))], PullLogin(env, secrets), ct);
            var seedsGreen = await TimeAsync(async () => await VerifyAsync(TimeSpan.FromMinutes(3), ct));
            // the seeds have no "unchanged": every update (or re-run after a doubt) repeats the whole sequence
            var seedsAgain = await SeedsWay.RolloutAsync(Path.Combine(ArtifactsDirectory, "lab", "ssh", "config"),
                [.. env.Nodes.Select((n, i) => (n, requests[i], secrets.For(requests[i].SecretNames)))], PullLogin(env, secrets), ct);
            await DeployAllAsync(ct);   // leave the lab as a rollout leaves it (stamps written)

            var ours = deploy + verify;
            var theirs = seeds + seedsGreen;
            Log.Information("Benchmark on lab, {Nodes} nodes:", env.Nodes.Count);
            Log.Information("  rollout (deploy every node, health included)  {Time,8}", Elapsed.Format(deploy));
            Log.Information("  no-op redeploy (every node unchanged, drift read included) {Time,8}", Elapsed.Format(noop));
            Log.Information("  Diff of every node (one round trip each)      {Time,8}", Elapsed.Format(diff));
            Log.Information("  Verify                                        {Time,8}", Elapsed.Format(verify));
            Log.Information("  rolling update of every worker ({Services} services on {Nodes} nodes) {Time,8}",
                workerNodes.Sum(n => requests[env.Nodes.ToList().IndexOf(n)].Services.Count), workerNodes.Count, Elapsed.Format(rolling));
            Log.Information("  rollback of every worker node (goal 10 s)     {Time,8}", Elapsed.Format(rollback));
            Log.Information("  until green, ours (rollout + Verify)          {Time,8}", Elapsed.Format(ours));
            Log.Information("  until green, seeds' way (scp + ssh per node, then Verify) {Time,8} ({Seeds} + {Green})",
                Elapsed.Format(theirs), Elapsed.Format(seeds), Elapsed.Format(seedsGreen));
            Log.Information("  redeploy with nothing changed: ours {Ours}, seeds' way {Seeds}", Elapsed.Format(noop), Elapsed.Format(seedsAgain));
            Log.Information("  ratio seeds' way / ours: {Ratio:0.0}x until green from empty nodes, {Redeploy:0}x for a redeploy with nothing changed",
                theirs.TotalSeconds / ours.TotalSeconds, seedsAgain.TotalSeconds / noop.TotalSeconds);
        });

    async Task DeployAllAsync(CancellationToken ct)
    {
        foreach (var role in new[] { NodeRole.Core, NodeRole.Workers, NodeRole.Gpu }) await DeployRoleAsync(role, ct);
    }

    /// <summary>Removes the project's containers, its network and the deploy directories on every node (volumes stay).</summary>
    async Task RemoveStacksAsync(EnvironmentTopology env, CancellationToken ct) =>
        await Task.WhenAll(env.Nodes.Select(async node =>
        {
            var ssh = await ConnectAsync(node, ct);
            var dir = Ktrdr.Deploy.Remote.Execution.ShellQuote.Quote(node.DeployDirectory);
            await NodeRun.RequireAsync(ssh, new RemoteCommand(
                $"ids=$(docker ps -aq --filter label=com.docker.compose.project={ComposeProject.Name}); [ -z \"$ids\" ] || docker rm -f $ids >/dev/null; " +
                $"docker network rm {ComposeProject.Name}_default >/dev/null 2>&1; rm -rf {dir} {dir}.previous",
                $"remove the stacks on {node.Name}") { Sudo = true }, ct);
        }));

    static async Task<TimeSpan> TimeAsync(Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed;
    }
}
