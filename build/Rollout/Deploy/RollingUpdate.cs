using System.Diagnostics;
using Ktrdr.Deploy.Commands.Compose;
using Ktrdr.Deploy.Commands.Health;
using Ktrdr.Deploy.Remote;
using Ktrdr.Deploy.Rollout.Nodes;

namespace Ktrdr.Deploy.Rollout.Deploy;

/// <summary>
/// Updates a running worker node a batch of services at a time (one of each kind by default, <see cref="RollingOptions.Batches"/>): drain (a busy worker — by its own
/// <c>/health</c> or by the backend's record — finishes its operation first, up to the drain timeout), replace the batch
/// (<c>up -d --no-deps &lt;services&gt;</c>), wait until each runs, passes its health check and is registered
/// <c>available</c> with the backend again, then the next batch. A node is never left without its other workers.
/// </summary>
public static class RollingUpdate
{
    /// <param name="services">The node's active services (its profiles applied): those running now are replaced batch by batch;
    /// the final <c>up</c> starts the new ones. Never a service by name that the profiles leave off: naming it would start it.</param>
    public static async Task RunAsync(ICommandExecutor node, ComposeProject project, IReadOnlyList<string> services,
        IReadOnlyDictionary<string, string> secrets, RollingOptions options, CancellationToken ct)
    {
        var before = ComposeCommands.ParseContainers(await NodeRun.RequireAsync(node, ComposeCommands.Ps(), ct)).Where(c => c.IsRunning).ToList();
        foreach (var batch in options.Batches(services, before.Select(c => c.Service).ToHashSet(StringComparer.Ordinal)))
        {
            foreach (var container in before.Where(c => batch.Contains(c.Service))) await DrainAsync(node, container, options, ct);
            await NodeProgress.StepAsync(node.Target, "update", async () =>
            {
                var watch = Stopwatch.StartNew();
                await NodeRun.RequireAsync(node, ComposeCommands.WithSecrets(ComposeCommands.Up(project, removeOrphans: false, services: batch, noDeps: true, forceRecreate: options.Force), secrets), ct);
                var replaced = await HealthWaiter.WaitAsync(node, options.HealthTimeout, ct, batch);
                foreach (var container in replaced) await WaitServingAsync(node, container, options.HealthTimeout - watch.Elapsed, ct);
                return $"{string.Join(", ", batch)} replaced, healthy and serving";
            });
        }
        await NodeRun.RequireAsync(node, DeploySteps.Up(project, secrets), ct);   // removes services the new files no longer have
    }

    private static async Task DrainAsync(ICommandExecutor node, ContainerStatus container, RollingOptions options, CancellationToken ct) =>
        await NodeProgress.StepAsync(node.Target, "drain", () =>
            WorkerDrainWait.UntilIdleAsync(node, container.ContainerId, container.Service, options.DrainTimeout, options.Force, ct));

    /// <summary>A replaced worker counts once the backend lists it <c>available</c> again (it re-registers after its start).</summary>
    private static async Task WaitServingAsync(ICommandExecutor node, ContainerStatus container, TimeSpan timeout, CancellationToken ct)
    {
        var polled = await Poll.UntilAsync(() => WorkerDrainWait.StateAsync(node, container.ContainerId, ct),
            r => r.IsServing, timeout, TimeSpan.FromMilliseconds(500), ct);
        if (polled.TimedOut)
            throw new RolloutException($"{node.Target}: {container.Service} runs and is healthy but the backend does not list it available " +
                                       $"after {polled.Waited.TotalSeconds:0} s ({WorkerDrain.Describe(polled.State)}): check its KTRDR_API_CLIENT_BASE_URL " +
                                       "and KTRDR_WORKER_PUBLIC_BASE_URL, and the backend's log");
    }
}
