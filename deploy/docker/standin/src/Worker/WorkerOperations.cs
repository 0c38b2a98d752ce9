using System.Text.Json;
using Standin.Backend.Operations;

namespace Standin.Worker;

/// <summary>One operation as a worker reports it on /api/v1/operations/{id}.</summary>
public sealed record WorkerOperation(
    string OperationId,
    string OperationType,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    IReadOnlyDictionary<string, JsonElement> Parameters,
    JsonElement? ResultSummary,
    string? ErrorMessage)
{
    public bool IsActive => OperationStatus.IsActive(Status);
}

/// <summary>
/// A worker's operations: at most one runs at a time. Finished ones are also kept as reports for the
/// next registration (<c>completed_operations</c>, upper-case status) until the backend has taken them.
/// </summary>
public sealed class WorkerOperations(TimeProvider clock)
{
    private readonly Dictionary<string, WorkerOperation> operations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, object> reports = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public WorkerOperation? Current
    {
        get
        {
            lock (gate)
            {
                return operations.Values.FirstOrDefault(o => o.IsActive);
            }
        }
    }

    /// <summary>Starts tracking a running operation; null when another one is running.</summary>
    public WorkerOperation? TryBegin(string operationId, string operationType, IReadOnlyDictionary<string, JsonElement> parameters)
    {
        lock (gate)
        {
            if (operations.Values.Any(o => o.IsActive))
            {
                return null;
            }
            var now = clock.GetUtcNow();
            var operation = new WorkerOperation(operationId, operationType, OperationStatus.Running, now, now, null, parameters, null, null);
            operations[operationId] = operation;
            return operation;
        }
    }

    public WorkerOperation Finish(string operationId, string status, JsonElement? result, string? error)
    {
        lock (gate)
        {
            var finished = operations[operationId] with
            {
                Status = status,
                CompletedAt = clock.GetUtcNow(),
                ResultSummary = result,
                ErrorMessage = error,
            };
            operations[operationId] = finished;
            reports[operationId] = new
            {
                operation_id = operationId,
                status = status.ToUpperInvariant(),
                result,
                error_message = error,
                completed_at = finished.CompletedAt,
            };
            return finished;
        }
    }

    public WorkerOperation? Get(string operationId)
    {
        lock (gate)
        {
            return operations.GetValueOrDefault(operationId);
        }
    }

    public IReadOnlyList<WorkerOperation> List()
    {
        lock (gate)
        {
            return operations.Values.OrderByDescending(o => o.CreatedAt).ToList();
        }
    }

    public IReadOnlyDictionary<string, object> PendingReports()
    {
        lock (gate)
        {
            return new Dictionary<string, object>(reports);
        }
    }

    public void ReportsDelivered(IEnumerable<string> operationIds)
    {
        lock (gate)
        {
            foreach (var id in operationIds)
            {
                reports.Remove(id);
            }
        }
    }
}
