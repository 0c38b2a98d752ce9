using Standin.Backend.Operations;
using Standin.Metrics;

namespace Standin.Worker;

/// <summary>
/// A worker's /metrics text, as the real worker's: the operations families (it imports the operations service)
/// and process_*; no http_server_* histograms.
/// </summary>
public static class WorkerMetrics
{
    public static string Render(IReadOnlyList<WorkerOperation> operations)
    {
        var writer = new PrometheusTextWriter();
        OperationFamilies.WriteTo(writer, [.. operations.Select(o => (o.OperationType, o.Status, o.IsActive))]);
        var durations = new OperationMetrics();
        foreach (var o in operations.Where(o => !o.IsActive && o.StartedAt is not null && o.CompletedAt is not null))
        {
            durations.Finished(o.OperationType, (o.CompletedAt!.Value - o.StartedAt!.Value).TotalSeconds);
        }
        durations.Durations.WriteTo(writer);
        ProcessMetrics.WriteTo(writer);
        return writer.ToString();
    }
}
