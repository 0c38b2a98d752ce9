using Standin.Backend.Operations;

namespace Standin.Backend.Workers;

/// <summary>
/// The backend's health loop: one worker after another, then a pause of the interval, so a round
/// takes "interval plus the round's duration" like the real one.
/// </summary>
public sealed class HealthPoller(
    WorkerRegistry registry,
    WorkerProbe probe,
    OperationSync operations,
    HealthCheckSettings settings,
    TimeProvider clock,
    ILogger<HealthPoller> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunRoundAsync(stoppingToken);
                await Task.Delay(settings.Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    public async Task RunRoundAsync(CancellationToken ct)
    {
        foreach (var worker in registry.List())
        {
            var result = await probe.ProbeAsync(worker, settings.Timeout, ct);
            var before = worker.Status;
            var now = clock.GetUtcNow();
            HealthVerdict? verdict = null;
            var after = registry.Update(worker.WorkerId, current => (verdict = WorkerHealthPolicy.Apply(current, result, now, settings)).Updated);
            if (verdict is null)
            {
                continue; // removed or re-registered meanwhile: nothing to report
            }
            Report(worker, before, after, result);
            if (after is not null)
            {
                await operations.AfterProbeAsync(after, result, ct);
            }
        }
    }

    private void Report(WorkerRecord worker, string before, WorkerRecord? after, ProbeResult result)
    {
        if (after is null)
        {
            log.LogWarning("Removed worker {WorkerId}: not healthy for longer than {Threshold} s ({Problem})",
                worker.WorkerId, settings.RemovalThreshold.TotalSeconds, result.Problem);
        }
        else if (after.Status != before)
        {
            log.LogInformation("Worker {WorkerId}: {Before} -> {After} (failures in a row: {Failures}{Problem})",
                worker.WorkerId, before, after.Status, after.HealthCheckFailures, result.Problem is null ? "" : "; " + result.Problem);
        }
    }
}
