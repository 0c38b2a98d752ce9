using Ktrdr.Deploy.Commands.Compose;
using Ktrdr.Deploy.Commands.Health;
using Ktrdr.Deploy.Remote;
using Ktrdr.Deploy.Rollout.Nodes;

namespace Ktrdr.Deploy.Rollout.Deploy;

/// <summary>
/// Waits until a node's containers are all running and healthy, running each health check itself as soon as the
/// container runs (<see cref="HealthProbe"/>) rather than waiting for Docker's interval. On failure or timeout the
/// message names the container and shows the end of its log.
/// </summary>
public static class HealthWaiter
{
    public static async Task<IReadOnlyList<ContainerStatus>> WaitAsync(
        ICommandExecutor node, TimeSpan timeout, CancellationToken ct, IReadOnlyCollection<string>? services = null)
    {
        var probedHealthy = new HashSet<string>(StringComparer.Ordinal);
        var polled = await Poll.UntilAsync(async () =>
        {
            var containers = ComposeCommands.ParseContainers(await NodeRun.RequireAsync(node, ComposeCommands.Ps(), ct))
                .Where(c => services is null || services.Contains(c.Service)).ToList();
            var verdict = HealthRules.Evaluate(containers, probedHealthy);
            if (verdict.State == HealthState.Waiting && verdict.ToProbe.Count > 0) await ProbeAsync(node, verdict.ToProbe, probedHealthy, ct);
            return (Containers: containers, Verdict: verdict);
        }, s => s.Verdict.State != HealthState.Waiting, timeout, TimeSpan.FromMilliseconds(500), ct);
        var (containers, verdict) = polled.State;
        if (verdict.State == HealthState.Ready) return containers;
        throw new RolloutException(await DescribeAsync(node, containers, verdict, polled.Waited, ct));
    }

    /// <summary>Runs the health checks of containers Docker has not checked yet; those that pass join <paramref name="probedHealthy"/>.</summary>
    private static async Task ProbeAsync(ICommandExecutor node, IReadOnlyList<ContainerStatus> toProbe, HashSet<string> probedHealthy, CancellationToken ct)
    {
        var tests = HealthProbe.ParseTests(await NodeRun.RequireAsync(node, HealthProbe.Tests([.. toProbe.Select(c => c.ContainerId)]), ct));
        if (tests.Count > 0)
            probedHealthy.UnionWith(HealthProbe.ParsePassed(await NodeRun.RequireAsync(node, HealthProbe.Run(tests), ct)));
    }

    private static async Task<string> DescribeAsync(ICommandExecutor node, IReadOnlyList<ContainerStatus> containers, HealthVerdict verdict, TimeSpan waited, CancellationToken ct)
    {
        var what = verdict.State == HealthState.Failed ? verdict.Detail : $"not healthy after {waited.TotalSeconds:0} s: {verdict.Detail}";
        var suspect = containers.FirstOrDefault(c => !c.IsRunning || c.Health is ContainerHealth.Unhealthy or ContainerHealth.Starting);
        var log = "";
        if (suspect is not null)
        {
            var tail = await node.RunAsync(new RemoteCommand($"docker logs --tail 15 {Remote.Execution.ShellQuote.Quote(suspect.ContainerId)} 2>&1",
                $"show the log of {suspect.Name}"), ct);
            log = $"\n  last lines of {suspect.Name}'s log:\n    " + string.Join("\n    ", tail.StandardOutput.TrimEnd().Split('\n').TakeLast(15));
        }
        return $"{node.Target}: {what}.{log}\n  The previous bundle is kept in the deploy directory's .previous; " +
               "fix the cause and deploy again (docker ps -a and docker logs on the node tell more).";
    }
}
