using Standin.Backend.Operations;
using Standin.Backend.Workers;
using Standin.Metrics;

namespace Standin.Backend;

/// <summary>The backend's /metrics/ text: worker and operation gauges, durations, HTTP and process metrics.</summary>
public sealed class BackendMetrics(WorkerRegistry registry, IOperationStore store, OperationMetrics operationMetrics, HttpServerMetrics http)
{
    public async Task<string> RenderAsync(CancellationToken ct)
    {
        var writer = new PrometheusTextWriter();
        var workers = registry.List();
        writer.Family("ktrdr_workers_registered_total", "gauge", "Workers registered with the backend, by type.");
        foreach (var type in WorkerVocabulary.WorkerTypes)
        {
            writer.Sample("ktrdr_workers_registered_total", workers.Count(w => w.WorkerType == type), Labels.Of(("worker_type", type)));
        }
        writer.Family("ktrdr_workers_available", "gauge", "Registered workers whose status is available, by type.");
        foreach (var type in WorkerVocabulary.WorkerTypes)
        {
            writer.Sample("ktrdr_workers_available", workers.Count(w => w.WorkerType == type && w.Status == WorkerVocabulary.Available),
                Labels.Of(("worker_type", type)));
        }

        var operations = await store.ListAsync(ct);
        writer.Family("ktrdr_operations_active", "gauge", "Operations pending, resuming or running, by type.");
        foreach (var type in OperationType.All)
        {
            writer.Sample("ktrdr_operations_active", operations.Count(o => o.OperationType == type && o.IsActive), Labels.Of(("operation_type", type)));
        }
        writer.Family("ktrdr_operations_total", "counter", "Operations the backend has recorded, by type and status.");
        foreach (var type in OperationType.All)
        {
            foreach (var status in OperationStatus.All)
            {
                writer.Sample("ktrdr_operations_total", operations.Count(o => o.OperationType == type && o.Status == status),
                    Labels.Of(("operation_type", type), ("status", status)));
            }
        }
        operationMetrics.Durations.WriteTo(writer);
        http.Durations.WriteTo(writer);
        ProcessMetrics.WriteTo(writer);
        return writer.ToString();
    }
}
