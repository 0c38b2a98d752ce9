namespace Standin.Worker;

/// <summary>
/// After a backend shutdown notice: try to register every 2 s for up to 120 s, so the worker is back
/// in the registry moments after the backend restarts instead of after the 30 s silence.
/// </summary>
public sealed class ReconnectionPoller(Registrar registrar, HealthCallClock healthCalls, WorkerSettings settings, TimeProvider clock,
    IHostApplicationLifetime lifetime, ILogger<ReconnectionPoller> log)
{
    private int running;

    public void Trigger()
    {
        if (Interlocked.CompareExchange(ref running, 1, 0) == 0)
        {
            _ = PollAsync(lifetime.ApplicationStopping);
        }
    }

    private async Task PollAsync(CancellationToken stopping)
    {
        try
        {
            var deadline = clock.GetUtcNow() + settings.Timings.ReconnectDuration;
            log.LogInformation("Backend shutdown notice - polling for its restart (every {Interval} s, for up to {Max} s)",
                settings.Timings.ReconnectInterval.TotalSeconds, settings.Timings.ReconnectDuration.TotalSeconds);
            while (clock.GetUtcNow() < deadline)
            {
                await Task.Delay(settings.Timings.ReconnectInterval, clock, stopping);
                if (await registrar.RegisterOnceAsync(stopping))
                {
                    healthCalls.Record(clock.GetUtcNow());
                    return;
                }
            }
            log.LogWarning("Backend did not come back within {Max} s - falling back to health check detection", settings.Timings.ReconnectDuration.TotalSeconds);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        finally
        {
            Interlocked.Exchange(ref running, 0);
        }
    }
}
