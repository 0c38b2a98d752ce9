using System.Text.Json.Nodes;
using Ktrdr.Deploy.Verification.Evaluation;

namespace Ktrdr.Deploy.Verification.Checks;

/// <summary>
/// The worker's /health, at the URL the backend polls, says healthy: true. The body decides: a worker answers 200
/// even when it reports healthy: false.
/// </summary>
internal sealed class WorkerHealthCheck(ExpectedWorker worker)
    : JsonCheck("worker health", $"worker {worker.Id}", worker.HealthUrl, worker.Id)
{
    protected override IReadOnlyList<CheckOutcome> Judge(JsonNode json)
    {
        var state = JsonShape.OptionalString(json, "worker_status") ?? JsonShape.OptionalString(json, "status") ?? "?";
        if (JsonShape.Flag(json, "healthy"))
            return [CheckOutcome.Pass(worker.Id, $"healthy, {state} ({Hints.HostPort(worker.HealthUrl)})")];
        return [CheckOutcome.Fail(worker.Id, $"{worker.HealthUrl} answers 200 but healthy: {json["healthy"]?.ToJsonString() ?? "missing"} ({state})",
            $"the worker reports itself unhealthy: read its log (docker logs) on {worker.HealthUrl.Host}; the backend will stop routing work to it")];
    }
}
