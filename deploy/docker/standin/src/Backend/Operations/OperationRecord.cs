using System.Text.Json;
using System.Text.Json.Serialization;

namespace Standin.Backend.Operations;

/// <summary>The lower-case operation statuses of the real API.</summary>
public static class OperationStatus
{
    public const string Pending = "pending";
    public const string Resuming = "resuming";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    public static readonly IReadOnlyList<string> All = [Pending, Resuming, Running, Completed, Failed, Cancelled];

    public static bool IsActive(string status) => status is Pending or Resuming or Running;

    /// <summary>Maps a worker's upper-case final status (COMPLETED, FAILED, CANCELLED) to ours.</summary>
    public static string FromReport(string reported) => reported.ToLowerInvariant();
}

/// <summary>The operation types the stand-in runs.</summary>
public static class OperationType
{
    public const string Backtesting = "backtesting";
    public const string Training = "training";

    public static readonly IReadOnlyList<string> All = [Backtesting, Training];
}

/// <summary>One operation as the backend tracks (and, with a database, persists) it.</summary>
public sealed record OperationRecord(
    string OperationId,
    string OperationType,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    string? WorkerId,
    IReadOnlyDictionary<string, JsonElement> Parameters,
    JsonElement? ResultSummary,
    string? ErrorMessage)
{
    public string? Symbol => Parameters.TryGetValue("symbol", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;

    public string? StrategyName =>
        Parameters.TryGetValue("strategy_name", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;

    public double? DurationSeconds => StartedAt is { } start && CompletedAt is { } end ? (end - start).TotalSeconds : null;

    public double ProgressPercentage => Status == OperationStatus.Completed ? 100 : 0;

    [JsonIgnore]
    public bool IsActive => OperationStatus.IsActive(Status);

    public static string NewId(string operationType, DateTimeOffset now) =>
        $"op_{operationType}_{now:yyyyMMdd_HHmmss}_{Guid.NewGuid().ToString("N")[..8]}";
}
