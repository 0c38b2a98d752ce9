using System.Text.Json;
using Standin.Http;

namespace Standin.Backend.Workers;

/// <summary>An operation that finished on a worker, reported when it (re-)registers.</summary>
public sealed record CompletedOperationReport(string OperationId, string Status, JsonElement? Result, string? ErrorMessage);

/// <summary>The body of <c>POST /api/v1/workers/register</c>.</summary>
public sealed record RegistrationRequest(
    string WorkerId,
    string WorkerType,
    string EndpointUrl,
    IReadOnlyDictionary<string, JsonElement> Capabilities,
    string? CurrentOperationId,
    IReadOnlyList<CompletedOperationReport> CompletedOperations)
{
    /// <summary>Validates like the real pydantic model; a null request comes with the issues to answer 422.</summary>
    public static (RegistrationRequest? Request, IReadOnlyList<ValidationIssue> Issues) Parse(JsonElement body)
    {
        var fields = new FieldReader(body);
        var workerId = fields.RequiredString("worker_id");
        var workerType = fields.RequiredEnum("worker_type", WorkerVocabulary.WorkerTypes);
        var endpointUrl = fields.RequiredString("endpoint_url");
        var capabilities = fields.OptionalObject("capabilities");
        var currentOperation = fields.OptionalString("current_operation_id");
        var completed = fields.OptionalList("completed_operations")
            .Select((item, index) => ParseReport(fields.Nested(item, "completed_operations", index)))
            .ToList();
        if (fields.Issues.Count > 0 || workerId is null || workerType is null || endpointUrl is null)
        {
            return (null, fields.Issues);
        }
        var reports = completed.OfType<CompletedOperationReport>().ToList();
        return (new RegistrationRequest(workerId, workerType, endpointUrl, capabilities, currentOperation, reports), []);
    }

    private static CompletedOperationReport? ParseReport(FieldReader report)
    {
        var id = report.RequiredString("operation_id");
        var status = report.RequiredEnum("status", WorkerVocabulary.CompletedStatuses);
        var result = report.OptionalObject("result");
        var error = report.OptionalString("error_message");
        return id is null || status is null
            ? null
            : new CompletedOperationReport(id, status, result.Count == 0 ? null : JsonSerializer.SerializeToElement(result), error);
    }
}
