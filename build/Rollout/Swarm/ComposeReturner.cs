using System.Diagnostics;
using BuildEngine;
using Ktrdr.Deploy.Commands.Output;
using Ktrdr.Deploy.Commands.Swarm;
using Ktrdr.Deploy.Remote;
using Ktrdr.Deploy.Rendering.Swarm;
using Ktrdr.Deploy.Rollout.Nodes;
using Ktrdr.Deploy.Rollout.Operations;
using Ktrdr.Deploy.Rollout.Orchestration;
using Ktrdr.Deploy.Topology;
using Serilog;

namespace Ktrdr.Deploy.Rollout.Swarm;

/// <summary>
/// Executes the way back to compose (<see cref="ComposeReturn"/> decides): before a compose deploy, one read on core; when
/// core's manager runs the stack, under the deploy lock and its own audit entry (<c>RemoveStack</c>): busy workers drained
/// (<see cref="SwarmDrain"/>), <c>docker stack rm</c>,
/// a wait until the stack's services, task containers and network are gone from every node, and its secret objects
/// removed. Named volumes stay; the nodes stay in the swarm. The compose deploy then finds no compose stamp (the Swarm
/// upload replaced the deploy directories) and deploys every node.
/// </summary>
public static class ComposeReturner
{
    public const string AuditTarget = "RemoveStack";

    private static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(1);

    /// <param name="options">--health-timeout bounds the wait until the stack is gone; --drain-timeout and --force the drain; --leave-swarm.</param>
    public static async Task RemoveStackIfAnyAsync(OperationScope scope, IReadOnlyList<NodeSpec> deployed, DeployOptions options, CancellationToken ct)
    {
        var core = await scope.Connections.ConnectAsync(scope.Core, ct);
        if (!ComposeReturn.NeedsRemoval(await ServicesAsync(core, ct), scope.Env, deployed, SwarmNames.Stack)) return;
        await LockedOperation.RunAsync(scope, AuditTarget, scope.Env.Nodes, new Dictionary<string, string>(), async () =>
        {
            var services = await ServicesAsync(core, ct);   // again, under the lock: another run may have removed it meanwhile
            if (ComposeReturn.NeedsRemoval(services, scope.Env, deployed, SwarmNames.Stack)) await RemoveAsync(scope, core, services, options, ct);
            return (IReadOnlyDictionary<string, NodeDeployed>)new Dictionary<string, NodeDeployed>();
        }, ct);
    }

    private static async Task RemoveAsync(OperationScope scope, ICommandExecutor core, IReadOnlyList<string> services, DeployOptions options, CancellationToken ct)
    {
        var name = scope.Core.Name;
        var watch = Stopwatch.StartNew();
        Log.Information("  {Node,-10} {Step,-12} {Detail}", name, "stack found",
            $"{SwarmNames.Stack}: {services.Count} service(s), but the engine is compose: removing the stack first (named volumes kept)");
        var nodes = await Task.WhenAll(scope.Env.Nodes.Select(n => scope.Connections.ConnectAsync(n, ct)));
        // the workers' tasks go with the stack: a busy one finishes its operation first, as before any update
        await SwarmDrain.RunAsync(nodes, scope.Env.Nodes, options.DrainTimeout, options.Force, ct);
        await NodeProgress.StepAsync(name, "stack rm", async () =>
        {
            await NodeRun.RequireAsync(core, SwarmCommands.StackRemove(SwarmNames.Stack), ct);
            return $"docker stack rm {SwarmNames.Stack}";
        });
        await NodeProgress.StepAsync(name, "stack gone", async () =>
        {
            var polled = await Poll.UntilAsync(() => RemainingAsync(scope, nodes, ct), r => r.Count == 0, options.HealthTimeout, PollEvery, ct);
            if (!polled.TimedOut) return $"services, task containers and network gone from {nodes.Length} node(s)";
            throw new RolloutException($"{name}: the stack {SwarmNames.Stack} was removed, but after {Elapsed.Format(options.HealthTimeout)} (--health-timeout) " +
                                       $"this is still there:\n    {string.Join("\n    ", polled.State)}\n  Look with docker ps -a / docker network ls on " +
                                       "those nodes, then run the deploy again");
        });
        await NodeProgress.StepAsync(name, "secrets", async () =>
        {
            var removed = OutputText.Lines((await NodeRun.RequireAsync(core, StackRemovalCommands.RemoveStackSecrets(), ct)).StandardOutput).ToList();
            return removed.Count == 0 ? "no secret object left" : $"removed {removed.Count} secret object(s): {string.Join(", ", removed)}";
        });
        if (options.LeaveSwarm) await LeaveAsync(scope, nodes, ct);
        else
            Log.Information("  {Node,-10} {Step,-12} {Detail}", name, "swarm",
                "the nodes stay in the swarm (idle; --leave-swarm, or docker swarm leave on each node, to leave it); compose deploys every node now");
        Log.Information("Stack {Stack}: removed in {Elapsed}", SwarmNames.Stack, Elapsed.Format(watch.Elapsed));
    }

    /// <summary>--leave-swarm: the workers first, then core, the manager, which takes the swarm with it.</summary>
    private static async Task LeaveAsync(OperationScope scope, ICommandExecutor[] nodes, CancellationToken ct)
    {
        var specs = scope.Env.Nodes;
        var coreIndex = specs.Select((n, i) => (n, i)).First(p => p.n.Name == scope.Core.Name).i;
        async Task Leave(int i, bool force) => await NodeProgress.StepAsync(specs[i].Name, "swarm leave", async () =>
            (await NodeRun.RequireAsync(nodes[i], StackRemovalCommands.LeaveSwarm(force), ct)).StandardOutput.Trim() == "left" ? "left the swarm" : "in no swarm");
        await Task.WhenAll(Enumerable.Range(0, specs.Count).Where(i => i != coreIndex).Select(i => Leave(i, force: false)));
        await Leave(coreIndex, force: true);
    }

    /// <summary>What is left of the stack on every node (services, task containers, its network), one line each.</summary>
    private static async Task<IReadOnlyList<string>> RemainingAsync(OperationScope scope, ICommandExecutor[] nodes, CancellationToken ct)
    {
        var leftovers = await Task.WhenAll(nodes.Select(n => NodeRun.RequireAsync(n, StackRemovalCommands.Leftovers(SwarmNames.Stack), ct)));
        return ComposeReturn.Remaining(scope.Env.Nodes.Select((n, i) => (n.Name, leftovers[i].StandardOutput)).ToDictionary(p => p.Name, p => p.StandardOutput));
    }

    private static async Task<IReadOnlyList<string>> ServicesAsync(ICommandExecutor core, CancellationToken ct) =>
        OutputText.Lines((await NodeRun.RequireAsync(core, StackRemovalCommands.StackServiceNames(SwarmNames.Stack), ct)).StandardOutput).ToList();
}
