namespace Standin.Backend.Workers;

/// <summary>What one call to a worker's <c>/health</c> said. Unreachable, a non-200 answer or <c>healthy:false</c> all count as a failure.</summary>
public sealed record ProbeResult(bool Healthy, string? WorkerStatus, string? CurrentOperation, string? Problem)
{
    public static ProbeResult Failed(string problem) => new(false, null, null, problem);
}

/// <summary>The health-check settings of the real backend (KTRDR_WORKER_HEALTH_CHECK_* and KTRDR_WORKER_REMOVAL_THRESHOLD).</summary>
public sealed record HealthCheckSettings(TimeSpan Interval, TimeSpan Timeout, int FailureThreshold, TimeSpan RemovalThreshold);

/// <summary>The registry's decision after a probe: the updated record, or null when the worker is to be removed.</summary>
public sealed record HealthVerdict(WorkerRecord? Updated)
{
    public bool Remove => Updated is null;
}

/// <summary>Pure rules for status transitions; the poller only applies them.</summary>
public static class WorkerHealthPolicy
{
    public static HealthVerdict Apply(WorkerRecord worker, ProbeResult probe, DateTimeOffset now, HealthCheckSettings settings)
    {
        if (probe.Healthy)
        {
            var busy = probe.WorkerStatus == "busy";
            return new HealthVerdict(worker with
            {
                Status = busy ? WorkerVocabulary.Busy : WorkerVocabulary.Available,
                CurrentOperationId = busy ? probe.CurrentOperation : null,
                LastHealthCheck = now,
                LastHealthyAt = now,
                HealthCheckFailures = 0,
            });
        }
        var failures = worker.HealthCheckFailures + 1;
        var status = failures >= settings.FailureThreshold ? WorkerVocabulary.TemporarilyUnavailable : worker.Status;
        var lastSignOfLife = worker.LastHealthyAt ?? worker.RegisteredAt;
        if (status == WorkerVocabulary.TemporarilyUnavailable && now - lastSignOfLife > settings.RemovalThreshold)
        {
            return new HealthVerdict(null);
        }
        return new HealthVerdict(worker with { Status = status, LastHealthCheck = now, HealthCheckFailures = failures });
    }
}
