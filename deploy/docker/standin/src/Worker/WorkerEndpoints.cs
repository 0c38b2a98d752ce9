using Standin.Backend.Operations;
using Standin.Http;

namespace Standin.Worker;

/// <summary>A worker's routes: /health, its start route, the operations proxy and the shutdown notice.</summary>
public static class WorkerEndpoints
{
    public static void Map(IEndpointRouteBuilder app, WorkerSettings settings)
    {
        app.MapGet("/health", (WorkerOperations operations, HealthCallClock healthCalls, TimeProvider clock) =>
        {
            var now = clock.GetUtcNow();
            healthCalls.Record(now);
            if (settings.FailHealth)
            {
                // What the real worker answers when its health check throws: still 200, healthy false.
                return StandinJson.Ok(new { healthy = false, service = settings.ServiceName, error = "Health check failed - see server logs for details" });
            }
            var current = operations.Current;
            return StandinJson.Ok(new
            {
                healthy = true,
                service = settings.ServiceName,
                timestamp = now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffff", System.Globalization.CultureInfo.InvariantCulture),
                status = "operational",
                worker_status = current is null ? "idle" : "busy",
                current_operation = current?.OperationId,
            });
        });

        app.MapGet("/", (TimeProvider clock) => StandinJson.Ok(new
        {
            service = $"{char.ToUpperInvariant(settings.WorkerType[0])}{settings.WorkerType[1..]} Worker Service",
            version = "1.0.0",
            status = "running",
            timestamp = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffff", System.Globalization.CultureInfo.InvariantCulture),
            worker_id = settings.WorkerId,
        }));

        app.MapPost(WorkerClient.StartPath(settings.OperationType), StartAsync);

        app.MapGet("/api/v1/operations", (WorkerOperations operations) =>
        {
            var all = operations.List();
            return StandinJson.Ok(new { success = true, data = all, total_count = all.Count, active_count = all.Count(o => o.IsActive) });
        });

        app.MapGet("/api/v1/operations/{operationId}", (string operationId, WorkerOperations operations) =>
            operations.Get(operationId) is { } operation
                ? StandinJson.Ok(new { success = true, data = operation })
                : StandinJson.Detail(StatusCodes.Status404NotFound, $"Operation not found: {operationId}"));

        app.MapPost("/backend-shutdown", (ReconnectionPoller poller) =>
        {
            poller.Trigger();
            return StandinJson.Ok(new { acknowledged = true });
        });
    }

    private static async Task<IResult> StartAsync(HttpContext context, WorkerSettings settings, WorkerOperations operations, OperationRunner runner)
    {
        var body = await JsonBody.ReadObjectAsync(context.Request, context.RequestAborted);
        var (parameters, issues) = !body.IsValid
            ? (null, body.Issues)
            : settings.OperationType == OperationType.Training ? StartRequest.ParseTraining(body.Root) : StartRequest.ParseBacktest(body.Root);
        if (parameters is null)
        {
            return ValidationIssue.Respond(issues);
        }
        var operationId = parameters.Remove("task_id", out var taskId) && taskId.ValueKind == System.Text.Json.JsonValueKind.String
            ? taskId.GetString()!
            : $"worker_{settings.OperationType}_{Guid.NewGuid().ToString("N")[..12]}";
        var operation = operations.TryBegin(operationId, settings.OperationType, parameters);
        if (operation is null)
        {
            return StandinJson.Detail(StatusCodes.Status503ServiceUnavailable, $"Worker is busy with operation {operations.Current?.OperationId}");
        }
        runner.Run(operation);
        return StandinJson.Ok(new { success = true, operation_id = operationId, status = "started" });
    }
}
