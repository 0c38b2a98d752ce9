namespace Standin.Hosting;

/// <summary>A started stand-in instance: where it listens, and how to stop it.</summary>
public sealed class RunningStandin(WebApplication app, LaunchCommand command, string? workerId) : IAsyncDisposable
{
    public ServiceRole Role => command.Role;

    /// <summary>The address to call it on (loopback when it listens on every interface).</summary>
    public Uri BaseAddress { get; } = new($"http://{(command.Host is "0.0.0.0" or "::" ? "127.0.0.1" : command.Host)}:{command.Port}");

    /// <summary>The worker id it registered with; null for the backend.</summary>
    public string? WorkerId => workerId;

    public IServiceProvider Services => app.Services;

    /// <summary>Graceful stop, as on SIGTERM (the backend refuses registrations and notifies its workers first).</summary>
    public Task StopAsync(CancellationToken ct = default) => app.StopAsync(ct);

    public Task WaitForShutdownAsync() => app.WaitForShutdownAsync();

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
