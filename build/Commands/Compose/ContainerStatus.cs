namespace Ktrdr.Deploy.Commands.Compose;

/// <summary>A container's health check state; <see cref="None"/> when the container has no health check.</summary>
public enum ContainerHealth { None, Starting, Healthy, Unhealthy }

/// <summary>One container of the project as Docker reports it.</summary>
/// <param name="Service">The compose service it belongs to.</param>
/// <param name="Name">Container name without the leading '/', e.g. ktrdr_backend_1 (v1) or ktrdr-backend-1 (v2).</param>
/// <param name="State">Docker's state: created, running, restarting, paused, exited, dead.</param>
/// <param name="ExitCode">The exit code of its last run (0 while running).</param>
/// <param name="Image">The image reference it was created from, as written in the compose file.</param>
/// <param name="ConfigHash">The compose config hash it was created with (compare with <see cref="ComposeCommands.ConfigHashes"/>).</param>
public sealed record ContainerStatus(
    string Service,
    string ContainerId,
    string Name,
    string State,
    ContainerHealth Health,
    int ExitCode,
    string Image,
    DateTimeOffset Created,
    string? ConfigHash)
{
    public bool IsRunning => State == "running";

    /// <summary>When its current run started (null when Docker gave no time, e.g. never started).</summary>
    public DateTimeOffset? StartedAt { get; init; }
}
