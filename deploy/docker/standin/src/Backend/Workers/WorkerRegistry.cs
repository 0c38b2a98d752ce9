namespace Standin.Backend.Workers;

/// <summary>
/// The backend's in-memory worker registry (the real one keeps it in memory too, which is why a
/// restarted backend forgets every worker until they re-register).
/// </summary>
public sealed class WorkerRegistry(TimeProvider clock)
{
    private readonly Dictionary<string, WorkerRecord> workers = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>Adds or replaces the record for <c>worker_id</c>: registering twice updates, never duplicates.</summary>
    public WorkerRecord Register(RegistrationRequest request)
    {
        var now = clock.GetUtcNow();
        var record = new WorkerRecord(
            request.WorkerId,
            request.WorkerType,
            request.EndpointUrl,
            request.CurrentOperationId is null ? WorkerVocabulary.Available : WorkerVocabulary.Busy,
            request.CurrentOperationId,
            request.Capabilities,
            LastHealthCheck: null,
            LastHealthyAt: now,
            HealthCheckFailures: 0,
            new Dictionary<string, string> { ["registered_at"] = now.ToString("O") })
        {
            RegisteredAt = now,
        };
        lock (gate)
        {
            workers[request.WorkerId] = record;
        }
        return record;
    }

    public WorkerRecord? Get(string workerId)
    {
        lock (gate)
        {
            return workers.GetValueOrDefault(workerId);
        }
    }

    public IReadOnlyList<WorkerRecord> List(string? workerType = null, string? status = null)
    {
        lock (gate)
        {
            return workers.Values
                .Where(w => workerType is null || w.WorkerType == workerType)
                .Where(w => status is null || w.Status == status)
                .OrderBy(w => w.WorkerId, StringComparer.Ordinal)
                .ToList();
        }
    }

    /// <summary>
    /// Replaces a record with <paramref name="change"/> applied (null removes it), unless it was removed
    /// meanwhile. Returns the record now stored, or null.
    /// </summary>
    public WorkerRecord? Update(string workerId, Func<WorkerRecord, WorkerRecord?> change)
    {
        lock (gate)
        {
            if (!workers.TryGetValue(workerId, out var current))
            {
                return null;
            }
            var next = change(current);
            if (next is null)
            {
                workers.Remove(workerId);
            }
            else
            {
                workers[workerId] = next;
            }
            return next;
        }
    }

    public void Remove(string workerId)
    {
        lock (gate)
        {
            workers.Remove(workerId);
        }
    }

    /// <summary>Picks an available worker and marks it busy in one step, so two starts never share a worker.</summary>
    public WorkerRecord? Reserve(string workerType, bool preferGpu, string operationId)
    {
        lock (gate)
        {
            var chosen = WorkerSelector.Pick(workers.Values, workerType, preferGpu);
            if (chosen is null)
            {
                return null;
            }
            var busy = chosen with { Status = WorkerVocabulary.Busy, CurrentOperationId = operationId };
            workers[chosen.WorkerId] = busy;
            return busy;
        }
    }

    /// <summary>Gives a reserved worker back when the start request to it failed.</summary>
    public void Release(string workerId, string operationId) =>
        _ = Update(workerId, w => w.CurrentOperationId == operationId
            ? w with { Status = WorkerVocabulary.Available, CurrentOperationId = null }
            : w);
}
