using Standin.Backend.Operations;

namespace Standin.Backend;

/// <summary>Prepares the operation store before the backend answers, and says in the log where operations live.</summary>
public sealed class OperationStoreStartup(IOperationStore store, ILogger<OperationStoreStartup> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken);
        log.LogInformation("Operations are kept in {Store}", store.Description);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
