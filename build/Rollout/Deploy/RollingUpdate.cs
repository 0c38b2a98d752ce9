using System.Diagnostics;
using Ktrdr.Deploy.Commands.Compose;
using Ktrdr.Deploy.Commands.Health;
using Ktrdr.Deploy.Remote;
using Ktrdr.Deploy.Rollout.Nodes;

namespace Ktrdr.Deploy.Rollout.Deploy;

/// <summary>
/// Updates a running worker node one service at a time: drain (a busy worker finishes its operation first, up to
/// the drain timeout), replace it (<c>up -d --no-deps &lt;service&gt;</c>), wait until it runs and passes its health check,
/// then the next. A node whose workers never stop is never left without its other workers.
/// </summary>
public static class RollingUpdate
{
    /// <param name="services">The node's active services (its profiles applied): those running now are replaced one by one;
    /// the final <c>up</c> starts the new ones. Never a service by name that the profiles leave off: naming it would start it.</param>
    public static async Task RunAsync(ICommandExecutor node, ComposeProject project, IReadOnlyList<string> services,
        IReadOnlyDictionary<string, string> secrets, TimeSpan drainTimeout, bool force, TimeSpan healthTimeout, CancellationToken ct)
    {
        foreach (var service in services)
        {
            var running = ComposeCommands.ParseContainers(await NodeRun.RequireAsync(node, ComposeCommands.Ps(), ct))
                .Where(c => c.Service == service && c.IsRunning).ToList();
            if (running.Count == 0) continue;   // new with this bundle: the final up starts it
            foreach (var container in running) await DrainAsync(node, container, drainTimeout, force, ct);
            await NodeProgress.StepAsync(node.Target, "update", async () =>
            {
                await NodeRun.RequireAsync(node, ComposeCommands.WithSecrets(ComposeCommands.Up(project, removeOrphans: false, services: [service], noDeps: true), secrets), ct);
                await HealthWaiter.WaitAsync(node, healthTimeout, ct, [service]);
                return $"{service} replaced and healthy";
            });
        }
        await NodeRun.RequireAsync(node, DeploySteps.Up(project, secrets), ct);   // removes services the new files no longer have
    }

    private static async Task DrainAsync(ICommandExecutor node, ContainerStatus container, TimeSpan timeout, bool force, CancellationToken ct) =>
        await NodeProgress.StepAsync(node.Target, "drain", async () =>
        {
            var watch = Stopwatch.StartNew();
            while (true)
            {
                var activity = WorkerDrain.Parse(await node.RunAsync(WorkerDrain.Status(container.ContainerId), ct));
                if (activity != WorkerActivity.Busy)
                    return $"{container.Service} {Describe(activity)}{(watch.Elapsed.TotalSeconds >= 1 ? $" after waiting {watch.Elapsed.TotalSeconds:0} s" : "")}";
                if (watch.Elapsed > timeout)
                {
                    if (force) return $"{container.Service} still busy after {timeout.TotalSeconds:0} s: replaced anyway (--force)";
                    throw new RolloutException($"{node.Target}: {container.Service} is still busy after {timeout.TotalSeconds:0} s (--drain-timeout): " +
                                               "its operation would be cut off. Wait and deploy again, give a longer --drain-timeout, or --force to replace it anyway.");
                }
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
            }
        });

    private static string Describe(WorkerActivity activity) => activity switch
    {
        WorkerActivity.Idle => "idle",
        WorkerActivity.NotAWorker => "is not a worker (no drain needed)",
        _ => "did not say whether it is busy (treated as idle)",
    };
}
