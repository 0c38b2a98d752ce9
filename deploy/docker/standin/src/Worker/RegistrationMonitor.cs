namespace Standin.Worker;

/// <summary>
/// No heartbeat: every check interval (10 s), if nobody called /health for the silence period (30 s),
/// or never, the worker asks the backend whether it still knows it and re-registers on 404.
/// </summary>
public sealed class RegistrationMonitor(Registrar registrar, HealthCallClock healthCalls, WorkerSettings settings, TimeProvider clock, ILogger<RegistrationMonitor> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(settings.Timings.RegistrationCheckInterval, clock, stoppingToken);
                var last = healthCalls.Last;
                var now = clock.GetUtcNow();
                if (last is null || now - last > settings.Timings.HealthSilence)
                {
                    if (last is not null)
                    {
                        log.LogWarning("No health check in {Seconds:0} s - checking registration", (now - last.Value).TotalSeconds);
                    }
                    await registrar.EnsureRegisteredAsync(stoppingToken);
                    if (last is not null)
                    {
                        healthCalls.Record(now);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
