using Ktrdr.Deploy.Commands.Compose;

namespace Ktrdr.Deploy.Rollout.Deploy;

public enum HealthState { Ready, Waiting, Failed }

/// <summary>Where a node's containers stand after <c>up</c>; <see cref="ToProbe"/> are running but not yet checked by Docker.</summary>
public sealed record HealthVerdict(HealthState State, string Detail, IReadOnlyList<ContainerStatus> ToProbe);

/// <summary>Reads a node's containers: ready when all run and none is unhealthy or still unproven; failed when one stopped.</summary>
public static class HealthRules
{
    public static HealthVerdict Evaluate(IReadOnlyList<ContainerStatus> containers, IReadOnlySet<string> probedHealthy)
    {
        if (containers.Count == 0) return new(HealthState.Waiting, "no containers yet", []);
        if (containers.FirstOrDefault(c => c.State is "exited" or "dead") is { } stopped)
            return new(HealthState.Failed, $"{stopped.Name} ({stopped.Service}) stopped with exit code {stopped.ExitCode}", []);
        // a fresh container restarts only after it crashed: its restart policy would hide the crash until the timeout
        if (containers.FirstOrDefault(c => c.State == "restarting") is { } crashing)
            return new(HealthState.Failed, $"{crashing.Name} ({crashing.Service}) keeps restarting (last exit code {crashing.ExitCode})", []);
        if (containers.FirstOrDefault(c => c.Health == ContainerHealth.Unhealthy) is { } unhealthy)
            return new(HealthState.Failed, $"{unhealthy.Name} ({unhealthy.Service}) is unhealthy", []);

        var notRunning = containers.Where(c => !c.IsRunning).ToList();
        var unproven = containers.Where(c => c.IsRunning && c.Health == ContainerHealth.Starting && !probedHealthy.Contains(c.ContainerId)).ToList();
        if (notRunning.Count > 0)
            return new(HealthState.Waiting, $"{string.Join(", ", notRunning.Select(c => $"{c.Service} {c.State}"))}", unproven);
        if (unproven.Count > 0)
            return new(HealthState.Waiting, $"{string.Join(", ", unproven.Select(c => c.Service))} starting", unproven);

        var healthy = containers.Count(c => c.Health == ContainerHealth.Healthy || probedHealthy.Contains(c.ContainerId));
        return new(HealthState.Ready, $"{containers.Count} container(s) running, {healthy} passed their health check", []);
    }
}
