using Standin.Metrics;

namespace Standin.Backend.Operations;

/// <summary>ktrdr_operation_duration_seconds, observed when an operation reaches a final state.</summary>
public sealed class OperationMetrics
{
    private static readonly double[] Buckets = [1, 5, 10, 30, 60, 120, 300, 600, 1800, 3600, 7200];

    public OperationMetrics()
    {
        foreach (var type in OperationType.All)
        {
            Durations.Touch(Labels.Of(("operation_type", type)));
        }
    }

    public Histogram Durations { get; } = new("ktrdr_operation_duration_seconds", "Duration of finished operations in seconds.", Buckets);

    public void Finished(OperationRecord operation)
    {
        if (operation.DurationSeconds is { } seconds)
        {
            Finished(operation.OperationType, seconds);
        }
    }

    public void Finished(string operationType, double seconds) => Durations.Observe(seconds, Labels.Of(("operation_type", operationType)));
}
