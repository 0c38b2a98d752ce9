namespace Standin.Worker;

/// <summary>Registers before the worker answers requests (hosted services start before the server listens).</summary>
public sealed class StartupRegistration(Registrar registrar, WorkerSettings settings, ILogger<StartupRegistration> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        log.LogInformation("Starting {WorkerType} worker {WorkerId}; backend {Backend}; reachable at {Endpoint}",
            settings.WorkerType, settings.WorkerId, settings.BackendRoot, settings.PublicBaseUrl);
        if (settings.Gpu is { } gpu)
        {
            log.LogInformation("{GpuLine}", gpu.LogLine);
        }
        await registrar.RegisterWithRetriesAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
