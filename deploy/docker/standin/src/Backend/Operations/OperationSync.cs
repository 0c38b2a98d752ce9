using System.Globalization;
using System.Text.Json;
using Standin.Backend.Workers;

namespace Standin.Backend.Operations;

/// <summary>
/// How the backend learns that an operation ended: after each health probe it asks the worker about
/// every operation it still thinks active there that the worker no longer reports as current, and a
/// (re-)registration's <c>completed_operations</c> settle the ones finished while it was away.
/// </summary>
public sealed class OperationSync(IOperationStore store, WorkerClient workers, OperationMetrics metrics, TimeProvider clock, ILogger<OperationSync> log)
{
    public async Task AfterProbeAsync(WorkerRecord worker, ProbeResult probe, CancellationToken ct)
    {
        if (!probe.Healthy)
        {
            return;
        }
        var waiting = (await store.ListAsync(ct))
            .Where(o => o.Status == OperationStatus.Running && o.WorkerId == worker.WorkerId && o.OperationId != probe.CurrentOperation);
        foreach (var operation in waiting)
        {
            var (data, answer) = await workers.GetOperationAsync(worker.EndpointUrl, operation.OperationId, ct);
            if (data is { } reported && FinalStatusOf(reported) is { } status)
            {
                await FinishAsync(operation, status, PropertyOrNull(reported, "result_summary"), TextOf(reported, "error_message"), CompletedAtOf(reported), ct);
            }
            else if (data is null && answer.StatusCode == StatusCodes.Status404NotFound)
            {
                await FinishAsync(operation, OperationStatus.Failed, null,
                    $"worker {worker.WorkerId} no longer knows this operation (it restarted while running it)", null, ct);
            }
        }
    }

    public async Task ApplyReportsAsync(IReadOnlyList<CompletedOperationReport> reports, CancellationToken ct)
    {
        foreach (var report in reports)
        {
            if (await store.GetAsync(report.OperationId, ct) is { IsActive: true } operation)
            {
                await FinishAsync(operation, OperationStatus.FromReport(report.Status), report.Result, report.ErrorMessage, null, ct);
            }
        }
    }

    private async Task FinishAsync(OperationRecord operation, string status, JsonElement? result, string? error, DateTimeOffset? completedAt, CancellationToken ct)
    {
        var finished = operation with
        {
            Status = status,
            CompletedAt = completedAt ?? clock.GetUtcNow(),
            ResultSummary = result,
            ErrorMessage = error,
        };
        await store.SaveAsync(finished, ct);
        metrics.Finished(finished);
        log.LogInformation("Operation {OperationId} on {WorkerId}: {Status}{Error}",
            finished.OperationId, finished.WorkerId, status, error is null ? "" : " (" + error + ")");
    }

    private static string? FinalStatusOf(JsonElement reported) =>
        TextOf(reported, "status")?.ToLowerInvariant() is { } status && OperationStatus.All.Contains(status) && !OperationStatus.IsActive(status)
            ? status
            : null;

    private static DateTimeOffset? CompletedAtOf(JsonElement reported) =>
        DateTimeOffset.TryParse(TextOf(reported, "completed_at"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at.ToUniversalTime() : null;

    private static string? TextOf(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static JsonElement? PropertyOrNull(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.Clone() : null;
}
