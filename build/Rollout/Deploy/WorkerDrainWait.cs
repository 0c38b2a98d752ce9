using Ktrdr.Deploy.Commands.Health;
using Ktrdr.Deploy.Remote;
using Ktrdr.Deploy.Rollout.Nodes;

namespace Ktrdr.Deploy.Rollout.Deploy;

/// <summary>
/// Waits until a worker container is not busy (by its own <c>/health</c> and the backend's record, <see cref="WorkerDrain"/>)
/// before it is replaced: a compose node's rolling update and a Swarm stack update both drain through here.
/// </summary>
public static class WorkerDrainWait
{
    /// <returns>What the worker said, and how long it was waited for.</returns>
    /// <exception cref="RolloutException">Still busy after <paramref name="drainTimeout"/> and not <paramref name="force"/>.</exception>
    public static async Task<string> UntilIdleAsync(ICommandExecutor node, string containerId, string service, TimeSpan drainTimeout, bool force, CancellationToken ct)
    {
        var polled = await Poll.UntilAsync(() => StateAsync(node, containerId, ct), r => !r.IsBusy, drainTimeout, TimeSpan.FromSeconds(1), ct);
        var (report, waited) = (polled.State, polled.Waited);
        if (!polled.TimedOut)
            return $"{service} {WorkerDrain.Describe(report)}{(waited.TotalSeconds >= 1 ? $" after waiting {waited.TotalSeconds:0} s" : "")}";
        if (force) return $"{service} still busy after {drainTimeout.TotalSeconds:0} s: replaced anyway (--force)";
        throw new RolloutException($"{node.Target}: {service} is still busy after {drainTimeout.TotalSeconds:0} s " +
                                   $"(--drain-timeout; {WorkerDrain.Describe(report)}): its operation would be cut off. " +
                                   "Wait and deploy again, give a longer --drain-timeout, or --force to replace it anyway.");
    }

    /// <summary>The worker's own /health and the backend's record of it, read inside its container.</summary>
    public static async Task<WorkerReport> StateAsync(ICommandExecutor node, string containerId, CancellationToken ct) =>
        WorkerDrain.Parse(await node.RunAsync(WorkerDrain.Status(containerId), ct));
}
