using System.Text.Json;
using Standin.Backend.Workers;

namespace Standin.Backend.Operations;

/// <summary>The answer to a start request: the operation, or an HTTP status and the reason it could not start.</summary>
public sealed record StartOutcome(OperationRecord? Operation, int StatusCode, string? Problem);

/// <summary>Starts an operation: reserves a worker of the right type, records the operation, hands it to the worker.</summary>
public sealed class OperationDispatcher(WorkerRegistry registry, IOperationStore store, WorkerClient workers, TimeProvider clock, ILogger<OperationDispatcher> log)
{
    public async Task<StartOutcome> StartAsync(string operationType, Dictionary<string, JsonElement> parameters, CancellationToken ct)
    {
        var created = clock.GetUtcNow();
        var operationId = OperationRecord.NewId(operationType, created);
        var workerType = operationType == OperationType.Training ? WorkerVocabulary.Training : WorkerVocabulary.Backtesting;
        var worker = registry.Reserve(workerType, preferGpu: operationType == OperationType.Training, operationId);
        if (worker is null)
        {
            return new StartOutcome(null, StatusCodes.Status503ServiceUnavailable,
                $"No available {workerType} workers: all are busy or none is registered (GET /api/v1/workers shows them)");
        }
        var pending = new OperationRecord(operationId, operationType, OperationStatus.Pending, created, null, null,
            worker.WorkerId, parameters, null, null);
        await store.SaveAsync(pending, ct);

        var request = new Dictionary<string, JsonElement>(parameters) { ["task_id"] = JsonSerializer.SerializeToElement(operationId) };
        var answer = await workers.StartAsync(worker.EndpointUrl, operationType, request, ct);
        if (!answer.IsSuccess)
        {
            registry.Release(worker.WorkerId, operationId);
            var problem = $"worker {worker.WorkerId} did not start the operation: {answer.Describe()}";
            await store.SaveAsync(pending with { Status = OperationStatus.Failed, CompletedAt = clock.GetUtcNow(), ErrorMessage = problem }, ct);
            log.LogWarning("Operation {OperationId} failed to start: {Problem}", operationId, problem);
            return new StartOutcome(null, StatusCodes.Status503ServiceUnavailable, problem);
        }
        var running = pending with { Status = OperationStatus.Running, StartedAt = clock.GetUtcNow() };
        await store.SaveAsync(running, ct);
        log.LogInformation("Operation {OperationId} ({Type}) runs on {WorkerId} ({Gpu})", operationId, operationType, worker.WorkerId,
            worker.HasGpu ? "GPU" : "no GPU");
        return new StartOutcome(running, StatusCodes.Status200OK, null);
    }
}
