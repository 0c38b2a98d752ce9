namespace Standin.Backend.Workers;

/// <summary>Which worker gets an operation: an available one of the right type; training prefers a GPU.</summary>
public static class WorkerSelector
{
    public static WorkerRecord? Pick(IEnumerable<WorkerRecord> workers, string workerType, bool preferGpu) =>
        workers
            .Where(w => w.WorkerType == workerType && w.Status == WorkerVocabulary.Available)
            .OrderByDescending(w => preferGpu && w.HasGpu)
            .ThenBy(w => w.LastHealthCheck ?? DateTimeOffset.MinValue)
            .ThenBy(w => w.WorkerId, StringComparer.Ordinal)
            .FirstOrDefault();
}
