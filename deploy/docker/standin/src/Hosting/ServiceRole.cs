namespace Standin.Hosting;

/// <summary>What one stand-in process plays, chosen by the uvicorn module like the real image.</summary>
public enum ServiceRole
{
    Backend,
    BacktestingWorker,
    TrainingWorker,
}

/// <summary>The uvicorn application strings the real KTRDR image serves, and the role each one maps to.</summary>
public static class ModuleCatalog
{
    public static readonly IReadOnlyDictionary<string, ServiceRole> Applications = new Dictionary<string, ServiceRole>(StringComparer.Ordinal)
    {
        ["ktrdr.api.main:app"] = ServiceRole.Backend,
        ["ktrdr.backtesting.backtest_worker:app"] = ServiceRole.BacktestingWorker,
        ["ktrdr.training.training_worker:app"] = ServiceRole.TrainingWorker,
    };

    public static ServiceRole Resolve(string application)
    {
        if (Applications.TryGetValue(application, out var role))
        {
            return role;
        }
        var known = string.Join(", ", Applications.Keys);
        var hint = application.Contains(':', StringComparison.Ordinal)
            ? ""
            : " (an application is written <module>:<attribute>, e.g. ktrdr.api.main:app)";
        throw new StandinConfigurationException(
            $"unknown application '{application}'{hint}: this image serves {known}.");
    }
}
