using Standin.Backend.Operations;
using Standin.Backend.Workers;

namespace Standin.Backend;

/// <summary>
/// The backend's graceful shutdown: first refuse registrations (503, Retry-After: 5), then tell every
/// registered worker (POST /backend-shutdown, best effort) so it polls for the restarted backend,
/// then keep answering for the grace period before the server stops.
/// </summary>
public sealed class ShutdownGate(WorkerRegistry registry, WorkerClient workers, BackendSettings settings, ILogger<ShutdownGate> log)
    : IHostedLifecycleService
{
    private int closing;

    public bool IsClosing => Volatile.Read(ref closing) == 1;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref closing, 1) == 1)
        {
            return; // a second stop (e.g. dispose after SIGTERM) has nothing left to do
        }
        var registered = registry.List();
        log.LogInformation("Shutting down: refusing registrations, notifying {Count} workers", registered.Count);
        // All at once (2 s limit each), so unreachable workers cannot eat docker's stop grace period.
        await Task.WhenAll(registered.Select(async worker =>
        {
            var answer = await workers.NotifyShutdownAsync(worker.EndpointUrl, cancellationToken);
            if (!answer.IsSuccess)
            {
                log.LogInformation("Could not notify {WorkerId} of the shutdown: {Problem}", worker.WorkerId, answer.Describe());
            }
        }));
        await Task.Delay(settings.ShutdownGrace, cancellationToken);
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
