namespace Ktrdr.Deploy.Verification.Evaluation;

/// <summary>
/// Compares the backend's worker records with the expected slots: every expected id present with the right type,
/// endpoint, status and GPU capability; no other record; and the count. Pure: the answer in, outcomes out.
/// </summary>
internal static class RegistrationEvaluator
{
    public const string CountTarget = "count";

    public static IReadOnlyList<CheckOutcome> Evaluate(IReadOnlyList<ExpectedWorker> expected, IReadOnlyList<RegisteredWorker> registered)
    {
        var outcomes = new List<CheckOutcome>();
        foreach (var worker in expected)
        {
            var record = registered.FirstOrDefault(r => r.Id == worker.Id);
            outcomes.Add(record is null ? Missing(worker, registered) : Compare(worker, record));
        }
        var expectedIds = expected.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        outcomes.AddRange(registered.Where(r => !expectedIds.Contains(r.Id)).Select(Unexpected));
        outcomes.Add(Count(expected, registered));
        return outcomes;
    }

    private static CheckOutcome Missing(ExpectedWorker worker, IReadOnlyList<RegisteredWorker> registered)
    {
        var sameEndpoint = registered.FirstOrDefault(r => r.Endpoint.TrimEnd('/') == worker.Endpoint);
        return sameEndpoint is not null
            ? CheckOutcome.Fail(worker.Id, $"not registered; {worker.Endpoint} registered as \"{sameEndpoint.Id}\" instead",
                "the container runs without the KTRDR_WORKER_ID the compose file sets (an old image or .env?): redeploy the node so the id is stable")
            : CheckOutcome.Fail(worker.Id, $"not registered with the backend (expected a {worker.TypeName} worker at {worker.Endpoint})",
                "a worker registers at start-up: check that its container runs and its log (docker logs) for registration errors; " +
                "KTRDR_API_CLIENT_BASE_URL must reach the backend from its node");
    }

    private static CheckOutcome Compare(ExpectedWorker worker, RegisteredWorker record)
    {
        if (record.Type != worker.TypeName)
            return CheckOutcome.Fail(worker.Id, $"registered as worker_type {record.Type}, expected {worker.TypeName}",
                "the slot's command starts the wrong uvicorn module for its id: compare the compose command with the slot's name");
        if (record.Endpoint != worker.Endpoint)
            return CheckOutcome.Fail(worker.Id, $"registered endpoint {record.Endpoint}, expected {worker.Endpoint}",
                record.Endpoint.TrimEnd('/') == worker.Endpoint
                    ? "a trailing '/' makes the backend call //health and drop the worker: remove it from KTRDR_WORKER_PUBLIC_BASE_URL"
                    : "KTRDR_WORKER_PUBLIC_BASE_URL must be the node's DNS name and published port; re-render and redeploy the node");
        if (record.Status != RegisteredWorker.Available)
            return CheckOutcome.Fail(worker.Id, $"status {record.Status}, expected {RegisteredWorker.Available}",
                $"the backend cannot reach {worker.HealthUrl} (3 failed checks make a worker temporarily_unavailable): " +
                "is the port published and the host name resolvable from the core node?");
        if (worker.GpuExpected && !record.Gpu)
            return CheckOutcome.Fail(worker.Id, "registered without gpu: true on a GPU node",
                "the container does not see the GPU: check NVIDIA_VISIBLE_DEVICES and the nvidia runtime (GPU_RUNTIME) on the node");
        var detail = $"{record.Type}, {record.Status}, {record.Endpoint}{(record.Gpu ? ", gpu" : "")}";
        return record.Gpu && !worker.GpuExpected
            ? CheckOutcome.Warn(worker.Id, detail, "registered gpu: true on a node without the gpu role; training may be routed here first")
            : CheckOutcome.Pass(worker.Id, detail);
    }

    private static CheckOutcome Unexpected(RegisteredWorker record) =>
        CheckOutcome.Fail(record.Id, $"unexpected worker registered ({record.Type}, {record.Status}, {record.Endpoint})",
            "a stale record from an earlier start, or a worker the topology does not know: the id changes at every start when " +
            "KTRDR_WORKER_ID is unset or unstable (the backend forgets it 300 s after its last healthy check); " +
            "set a stable KTRDR_WORKER_ID per node and slot");

    private static CheckOutcome Count(IReadOnlyList<ExpectedWorker> expected, IReadOnlyList<RegisteredWorker> registered)
    {
        var byType = string.Join(", ", registered.GroupBy(r => r.Type).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Count()} {g.Key}"));
        var detail = $"{registered.Count} registered{(byType.Length > 0 ? $" ({byType})" : "")}, {expected.Count} expected";
        return registered.Count == expected.Count
            ? CheckOutcome.Pass(CountTarget, detail)
            : CheckOutcome.Fail(CountTarget, detail, registered.Count > expected.Count
                ? "extra records are listed above; they are usually stale ids from workers started without a stable KTRDR_WORKER_ID"
                : "the missing workers are listed above");
    }
}
