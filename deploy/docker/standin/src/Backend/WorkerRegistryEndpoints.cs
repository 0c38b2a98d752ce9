using Standin.Backend.Operations;
using Standin.Backend.Workers;
using Standin.Http;

namespace Standin.Backend;

/// <summary>The backend's health and worker-registry routes under /api/v1.</summary>
public static class WorkerRegistryEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/health", (BackendSettings settings) =>
            StandinJson.Ok(new { status = "ok", version = settings.Version, orphan_detector = (object?)null }));

        app.MapPost("/api/v1/workers/register", RegisterAsync);

        app.MapGet("/api/v1/workers", (HttpRequest request, WorkerRegistry registry) =>
        {
            var workerType = request.Query["worker_type"].ToString();
            if (workerType.Length > 0 && !WorkerVocabulary.WorkerTypes.Contains(workerType))
            {
                return ValidationIssue.Respond([ValidationIssue.Enum(["query", "worker_type"], WorkerVocabulary.WorkerTypes, workerType)]);
            }
            var status = request.Query["status"].ToString();
            if (status.Length > 0 && !WorkerVocabulary.Statuses.Contains(status))
            {
                return StandinJson.Ok(Array.Empty<WorkerRecord>()); // the real API answers [] for an unknown status
            }
            return StandinJson.Ok(registry.List(NullIfEmpty(workerType), NullIfEmpty(status)));
        });

        app.MapGet("/api/v1/workers/{workerId}", (string workerId, WorkerRegistry registry) =>
            registry.Get(workerId) is { } worker
                ? StandinJson.Ok(worker)
                : StandinJson.Detail(StatusCodes.Status404NotFound, $"Worker not found: {workerId}"));
    }

    private static async Task<IResult> RegisterAsync(
        HttpContext context, WorkerRegistry registry, OperationSync operations, ShutdownGate shutdown, ILogger<WorkerRegistry> log)
    {
        if (shutdown.IsClosing)
        {
            context.Response.Headers.RetryAfter = "5";
            return StandinJson.Detail(StatusCodes.Status503ServiceUnavailable, "Backend is shutting down - retry after restart");
        }
        var body = await JsonBody.ReadObjectAsync(context.Request, context.RequestAborted);
        var (request, issues) = body.IsValid ? RegistrationRequest.Parse(body.Root) : (null, body.Issues);
        if (request is null)
        {
            return ValidationIssue.Respond(issues);
        }
        var record = registry.Register(request);
        await operations.ApplyReportsAsync(request.CompletedOperations, context.RequestAborted);
        log.LogInformation("Worker registered: {WorkerId} ({WorkerType}) at {EndpointUrl}", record.WorkerId, record.WorkerType, record.EndpointUrl);
        return StandinJson.Ok(record);
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
