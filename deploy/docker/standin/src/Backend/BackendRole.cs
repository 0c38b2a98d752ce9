using Standin.Backend.Operations;
using Standin.Backend.Workers;
using Standin.Hosting;
using Standin.Metrics;

namespace Standin.Backend;

/// <summary>The backend (<c>ktrdr.api.main:app</c>): worker registry, health poller, operations, metrics.</summary>
public sealed class BackendRole(BackendSettings settings) : IStandinRole
{
    public string Describe() => $"KTRDR backend stand-in {settings.Version}";

    public void AddServices(IServiceCollection services)
    {
        services.AddSingleton(settings);
        services.AddSingleton(settings.HealthChecks);
        services.AddSingleton<WorkerRegistry>();
        services.AddSingleton<WorkerProbe>();
        services.AddSingleton<WorkerClient>();
        services.AddSingleton<OperationMetrics>();
        services.AddSingleton<OperationSync>();
        services.AddSingleton<OperationDispatcher>();
        services.AddSingleton<BackendMetrics>();
        if (settings.Database is { } database)
        {
            services.AddSingleton(database);
            services.AddSingleton(_ => database.CreateDataSource());
            services.AddSingleton<IOperationStore, PostgresOperationStore>();
        }
        else
        {
            services.AddSingleton<IOperationStore, InMemoryOperationStore>();
        }
        // Hosted services start in this order, all before the server listens.
        services.AddHostedService<OperationStoreStartup>();
        services.AddSingleton<ShutdownGate>();
        services.AddHostedService(provider => provider.GetRequiredService<ShutdownGate>());
        services.AddHostedService<HealthPoller>();
    }

    public void MapEndpoints(WebApplication app)
    {
        WorkerRegistryEndpoints.Map(app);
        OperationEndpoints.Map(app);
        var openApi = OpenApiDocument.Render(settings.Version);
        app.MapGet(OpenApiDocument.Path, () => Results.Text(openApi, "application/json"));
        MetricsRoutes.MapMounted(app, context => context.RequestServices.GetRequiredService<BackendMetrics>().RenderAsync(context.RequestAborted));
    }
}
