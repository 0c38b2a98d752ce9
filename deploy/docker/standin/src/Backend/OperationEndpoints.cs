using System.Globalization;
using System.Text.Json;
using Standin.Backend.Operations;
using Standin.Http;

namespace Standin.Backend;

/// <summary>The backend's operation routes: list and read operations, start backtests and trainings.</summary>
public static class OperationEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/operations", ListAsync);

        app.MapGet("/api/v1/operations/{operationId}", async (string operationId, IOperationStore store, CancellationToken ct) =>
            await store.GetAsync(operationId, ct) is { } operation
                ? StandinJson.Ok(new { success = true, data = operation })
                : StandinJson.Detail(StatusCodes.Status404NotFound, $"Operation not found: {operationId}"));

        app.MapPost("/api/v1/backtests/start", (HttpContext context, OperationDispatcher dispatcher) =>
            StartAsync(context, dispatcher, OperationType.Backtesting, StartRequest.ParseBacktest, "operation_id"));

        app.MapPost("/api/v1/trainings/start", (HttpContext context, OperationDispatcher dispatcher) =>
            StartAsync(context, dispatcher, OperationType.Training, StartRequest.ParseTraining, "task_id"));
    }

    private static async Task<IResult> ListAsync(HttpRequest request, IOperationStore store, CancellationToken ct)
    {
        var status = request.Query["status"].ToString();
        var type = request.Query["operation_type"].ToString();
        var issues = new List<ValidationIssue>();
        if (status.Length > 0 && !OperationStatus.All.Contains(status))
        {
            issues.Add(ValidationIssue.Enum(["query", "status"], OperationStatus.All, status));
        }
        if (type.Length > 0 && !OperationType.All.Contains(type))
        {
            issues.Add(ValidationIssue.Enum(["query", "operation_type"], OperationType.All, type));
        }
        var limitText = request.Query["limit"].ToString();
        var limit = 100;
        if (limitText.Length > 0 && !(int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) && limit is >= 1 and <= 1000))
        {
            issues.Add(new ValidationIssue("int_parsing", ["query", "limit"], "Input should be a whole number from 1 to 1000", limitText));
        }
        if (issues.Count > 0)
        {
            return ValidationIssue.Respond(issues);
        }
        var activeOnly = request.Query["active_only"].ToString() is "true" or "1";
        var matching = (await store.ListAsync(ct))
            .Where(o => status.Length == 0 || o.Status == status)
            .Where(o => type.Length == 0 || o.OperationType == type)
            .Where(o => !activeOnly || o.IsActive)
            .ToList();
        return StandinJson.Ok(new
        {
            success = true,
            data = matching.Take(limit),
            total_count = matching.Count,
            active_count = matching.Count(o => o.IsActive),
        });
    }

    private static async Task<IResult> StartAsync(
        HttpContext context,
        OperationDispatcher dispatcher,
        string operationType,
        Func<JsonElement, (Dictionary<string, JsonElement>? Parameters, IReadOnlyList<ValidationIssue> Issues)> parse,
        string idField)
    {
        var body = await JsonBody.ReadObjectAsync(context.Request, context.RequestAborted);
        var (parameters, issues) = body.IsValid ? parse(body.Root) : (null, body.Issues);
        if (parameters is null)
        {
            return ValidationIssue.Respond(issues);
        }
        var outcome = await dispatcher.StartAsync(operationType, parameters, context.RequestAborted);
        if (outcome.Operation is not { } operation)
        {
            return StandinJson.Detail(outcome.StatusCode, outcome.Problem ?? "the operation could not start");
        }
        return StandinJson.Ok(new Dictionary<string, object?>
        {
            ["success"] = true,
            [idField] = operation.OperationId,
            ["status"] = "started",
            ["message"] = $"{operationType} started on worker {operation.WorkerId}",
        });
    }
}
