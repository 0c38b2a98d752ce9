using Ktrdr.Deploy.Commands.Swarm;

namespace Ktrdr.Deploy.Rollout.Swarm;

/// <summary>Where the stack's services are: all running (and healthy), some failed (Swarm rolled them back or paused), or still on their way.</summary>
public sealed record Convergence(IReadOnlyList<string> Running, IReadOnlyList<string> Failed, IReadOnlyList<string> Waiting)
{
    public bool Done => Waiting.Count == 0;

    public bool Succeeded => Done && Failed.Count == 0;
}

/// <summary>
/// Judges the stack from its services' states (pure). A service is running when all its replicas are (a task with a
/// healthcheck counts only once healthy) and no update is under way; failed when Swarm gave up on its update: rolled
/// back (<c>rollback_completed</c>: the previous spec runs again), or <c>paused</c>, <c>rollback_paused</c>; otherwise waiting
/// (a rollback under way too, so the deploy reports once the previous spec runs again), with its newest task's state and error. A task that fails is
/// not the end: Swarm restarts it (a backend whose database is still starting), so only the timeout ends the wait.
/// </summary>
public static class StackConvergence
{
    public static Convergence Judge(IReadOnlyList<StackService> services, IReadOnlyList<string> expected, string stack)
    {
        var byName = services.ToDictionary(s => s.ShortName(stack), StringComparer.Ordinal);
        List<string> running = [], failed = [], waiting = [];
        foreach (var name in expected)
        {
            if (!byName.TryGetValue(name, out var s)) waiting.Add($"{name}: not created yet");
            else if (s.UpdateState == "rollback_started")
                waiting.Add($"{name}: the update failed, Swarm is rolling it back (rollback_started){Task(s)}");
            else if (s.UpdateState == "rollback_completed")
                failed.Add($"{name}: the update failed and was rolled back by Swarm (rollback_completed): the previous spec runs again{Task(s)}");
            else if (s.UpdateState.StartsWith("rollback", StringComparison.Ordinal) || s.UpdateState == "paused")
                failed.Add($"{name}: update {s.UpdateState} by Swarm: see docker service ps --no-trunc {stack}_{name}{Task(s)}");
            else if (s.Desired > 0 && s.Running == s.Desired && s.UpdateState != "updating") running.Add(name);
            else waiting.Add($"{name}: {s.Running}/{s.Desired} running{Task(s)}");
        }
        return new Convergence(running, failed, waiting);
    }

    private static string Task(StackService s) =>
        (s.TaskState.Length > 0 ? $", task {s.TaskState}" : "") + (s.TaskError.Length > 0 ? $": {s.TaskError}" : "");
}
