namespace Standin.Backend.Workers;

/// <summary>The enumerations of the real worker registry (lower-case values on the wire).</summary>
public static class WorkerVocabulary
{
    public const string Backtesting = "backtesting";
    public const string Training = "training";

    public const string Available = "available";
    public const string Busy = "busy";
    public const string TemporarilyUnavailable = "temporarily_unavailable";

    public static readonly IReadOnlyList<string> WorkerTypes =
        [Backtesting, Training, "cpu_training", "gpu_host", "agent_design", "agent_assessment"];

    public static readonly IReadOnlyList<string> Statuses = [Available, Busy, TemporarilyUnavailable];

    /// <summary>Final states a worker reports in <c>completed_operations</c> (upper-case on the wire).</summary>
    public static readonly IReadOnlyList<string> CompletedStatuses = ["COMPLETED", "FAILED", "CANCELLED"];
}
