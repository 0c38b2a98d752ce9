using Standin.Hosting;
using Standin.Metrics;

namespace Standin.Worker;

/// <summary>A backtesting or training worker (<c>ktrdr.backtesting.backtest_worker:app</c>, <c>ktrdr.training.training_worker:app</c>).</summary>
public sealed class WorkerRole(WorkerSettings settings) : IStandinRole
{
    public string Describe() => $"KTRDR {settings.ServiceName} stand-in {settings.WorkerId}";

    public string WorkerId => settings.WorkerId;

    public void AddServices(IServiceCollection services)
    {
        services.AddSingleton(settings);
        services.AddSingleton<WorkerOperations>();
        services.AddSingleton<HealthCallClock>();
        services.AddSingleton<OperationRunner>();
        services.AddSingleton<BackendClient>();
        services.AddSingleton<Registrar>();
        services.AddSingleton<ReconnectionPoller>();
        services.AddHostedService<StartupRegistration>();
        services.AddHostedService<RegistrationMonitor>();
    }

    public void MapEndpoints(WebApplication app)
    {
        WorkerEndpoints.Map(app, settings);
        MetricsRoutes.MapPlain(app, context =>
        {
            var operations = context.RequestServices.GetRequiredService<WorkerOperations>().List();
            return Task.FromResult(WorkerMetrics.Render(operations));
        });
    }
}
