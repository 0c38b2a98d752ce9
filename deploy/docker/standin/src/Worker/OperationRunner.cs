using System.Text.Json;
using Standin.Backend.Operations;

namespace Standin.Worker;

/// <summary>
/// Runs an operation in the background: it "works" for KTRDR_STANDIN_OPERATION_SECONDS (or, stand-in only, for
/// the request's own <c>standin_seconds</c>, so a test can keep a worker busy through a deploy), writes its result
/// file and completes; a worker shutting down cancels it.
/// </summary>
public sealed class OperationRunner(
    WorkerOperations operations,
    WorkerSettings settings,
    IHostApplicationLifetime lifetime,
    ILogger<OperationRunner> log)
{
    public void Run(WorkerOperation operation) => _ = RunAsync(operation, lifetime.ApplicationStopping);

    private async Task RunAsync(WorkerOperation operation, CancellationToken stopping)
    {
        var duration = DurationOf(operation);
        log.LogInformation("Operation {OperationId} started ({Seconds} s)", operation.OperationId, duration.TotalSeconds);
        try
        {
            await Task.Delay(duration, stopping);
        }
        catch (OperationCanceledException)
        {
            operations.Finish(operation.OperationId, OperationStatus.Cancelled, null, "worker shut down while the operation ran");
            return;
        }
        var result = new Dictionary<string, object?>
        {
            ["simulated"] = true,
            ["worker_id"] = settings.WorkerId,
            ["gpu"] = settings.Gpu?.HasGpu ?? false,
            ["duration_seconds"] = duration.TotalSeconds,
        };
        try
        {
            result["result_file"] = ResultFile.Write(settings.ResultsDirectory, operation, result);
            operations.Finish(operation.OperationId, OperationStatus.Completed, JsonSerializer.SerializeToElement(result), null);
            log.LogInformation("Operation {OperationId} completed (result file: {Path})", operation.OperationId, result["result_file"] ?? "none, no results directory");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var problem = $"cannot write the result file in {settings.ResultsDirectory}: {e.Message}";
            operations.Finish(operation.OperationId, OperationStatus.Failed, null, problem);
            log.LogError("Operation {OperationId} failed: {Problem}", operation.OperationId, problem);
        }
    }

    /// <summary>The request's <c>standin_seconds</c> (0–3600) when it has one, else the worker's setting.</summary>
    public TimeSpan DurationOf(WorkerOperation operation) =>
        operation.Parameters.TryGetValue("standin_seconds", out var value) && value.ValueKind == JsonValueKind.Number &&
        value.TryGetDouble(out var seconds) && seconds is >= 0 and <= 3600
            ? TimeSpan.FromSeconds(seconds)
            : settings.OperationDuration;
}
