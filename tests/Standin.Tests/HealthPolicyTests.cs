using System.Text.Json;
using Standin.Backend.Workers;

namespace Standin.Tests;

public class HealthPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private static readonly HealthCheckSettings Settings = new(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5), 3, TimeSpan.FromSeconds(300));

    private static WorkerRecord Worker(string status = WorkerVocabulary.Available, int failures = 0, DateTimeOffset? lastHealthy = null) =>
        new("w-1", "backtesting", "http://w:5003", status, null, new Dictionary<string, JsonElement>(), null,
            lastHealthy ?? Now.AddSeconds(-20), failures, new Dictionary<string, string>());

    [Fact]
    public void A_healthy_busy_answer_marks_the_worker_busy_with_its_operation_and_clears_failures()
    {
        var verdict = WorkerHealthPolicy.Apply(Worker(failures: 2), new ProbeResult(true, "busy", "op-7", null), Now, Settings);

        Assert.Equal((WorkerVocabulary.Busy, "op-7", 0, Now), (verdict.Updated!.Status, verdict.Updated.CurrentOperationId,
            verdict.Updated.HealthCheckFailures, verdict.Updated.LastHealthyAt!.Value));
    }

    [Fact]
    public void Failures_below_the_threshold_keep_the_status_and_the_third_makes_it_temporarily_unavailable()
    {
        var second = WorkerHealthPolicy.Apply(Worker(failures: 1), ProbeResult.Failed("refused"), Now, Settings).Updated!;
        var third = WorkerHealthPolicy.Apply(second, ProbeResult.Failed("refused"), Now, Settings).Updated!;

        Assert.Equal((WorkerVocabulary.Available, 2), (second.Status, second.HealthCheckFailures));
        Assert.Equal((WorkerVocabulary.TemporarilyUnavailable, 3), (third.Status, third.HealthCheckFailures));
    }

    [Fact]
    public void An_unavailable_worker_is_removed_once_its_last_healthy_check_is_older_than_the_threshold()
    {
        var recent = Worker(WorkerVocabulary.TemporarilyUnavailable, 5, Now.AddSeconds(-299));
        var stale = Worker(WorkerVocabulary.TemporarilyUnavailable, 5, Now.AddSeconds(-301));

        Assert.False(WorkerHealthPolicy.Apply(recent, ProbeResult.Failed("refused"), Now, Settings).Remove);
        Assert.True(WorkerHealthPolicy.Apply(stale, ProbeResult.Failed("refused"), Now, Settings).Remove);
    }

    [Fact]
    public void Training_prefers_an_available_gpu_worker_and_never_picks_a_busy_one()
    {
        var gpu = new Dictionary<string, JsonElement> { ["gpu"] = JsonSerializer.SerializeToElement(true) };
        WorkerRecord[] workers =
        [
            Worker() with { WorkerId = "a-cpu", WorkerType = "training" },
            Worker(WorkerVocabulary.Busy) with { WorkerId = "b-gpu-busy", WorkerType = "training", Capabilities = gpu },
            Worker() with { WorkerId = "c-gpu", WorkerType = "training", Capabilities = gpu },
        ];

        Assert.Equal("c-gpu", WorkerSelector.Pick(workers, "training", preferGpu: true)?.WorkerId);
        Assert.Equal("a-cpu", WorkerSelector.Pick(workers, "training", preferGpu: false)?.WorkerId);
        Assert.Null(WorkerSelector.Pick(workers, "backtesting", preferGpu: false));
    }
}
