namespace BuildEngine;

public enum TargetStatus
{
    Succeeded,
    Failed,
    Skipped,
    NotRun,
}

/// <summary>The outcome of one planned target; <see cref="Note"/> is the skip reason or the failure's first line.</summary>
public sealed record TargetResult(string Name, TargetStatus Status, TimeSpan? Duration, string? Note)
{
    /// <summary>The exit code a failed target asked for (<see cref="BuildFailedException.ExitCode"/>); null: the usual one.</summary>
    public int? ExitCode { get; init; }

    public static TargetResult Skipped(ExecutableTarget target, string reason) => new(target.Name, TargetStatus.Skipped, null, reason);

    public static TargetResult NotRun(ExecutableTarget target, string reason) => new(target.Name, TargetStatus.NotRun, null, reason);
}
