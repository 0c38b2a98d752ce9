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
        OperationFamilies.WriteTo(writer, [.. operations.Select(o => (o.OperationType, o.Status, o.IsActive))]);
        operationMetrics.Durations.WriteTo(writer);
        http.Durations.WriteTo(writer);
        ProcessMetrics.WriteTo(writer);
        return writer.ToString();
    }
}
