using Standin.Hosting;

namespace Standin.Tests.Support;

/// <summary>Starts real stand-in instances in this process, each on its own loopback port with its own environment.</summary>
public static class Standins
{
    /// <summary>Short health-check intervals so tests see transitions in a fraction of a second.</summary>
    public static readonly IReadOnlyDictionary<string, string> FastBackend = new Dictionary<string, string>
    {
        ["KTRDR_WORKER_HEALTH_CHECK_INTERVAL"] = "0.2",
        ["KTRDR_WORKER_HEALTH_CHECK_TIMEOUT"] = "10",   // a probe of a live worker on a loaded machine can take seconds
    };

    public static Task<RunningStandin> BackendAsync(int? port = null, IReadOnlyDictionary<string, string>? env = null) =>
        StandinHost.StartAsync(Args("ktrdr.api.main:app", port ?? FreePort.Next()), Merge(FastBackend, env));

    public static Task<RunningStandin> WorkerAsync(
        string application, RunningStandin backend, IReadOnlyDictionary<string, string>? env = null, int? port = null) =>
        WorkerAsync(application, backend.BaseAddress, env, port);

    public static Task<RunningStandin> WorkerAsync(
        string application, Uri backend, IReadOnlyDictionary<string, string>? env = null, int? port = null)
    {
        var listen = port ?? FreePort.Next();
        var defaults = new Dictionary<string, string>
        {
            ["KTRDR_API_CLIENT_BASE_URL"] = new Uri(backend, "/api/v1").ToString(),
            ["KTRDR_WORKER_PUBLIC_BASE_URL"] = $"http://127.0.0.1:{listen}",
            ["KTRDR_STANDIN_OPERATION_SECONDS"] = "1",
            ["KTRDR_DATA_DIR"] = Path.Combine(Path.GetTempPath(), "standin-no-shared-tree", "data"),
        };
        return StandinHost.StartAsync(Args(application, listen), Merge(defaults, env));
    }

    public const string BacktestWorker = "ktrdr.backtesting.backtest_worker:app";
    public const string TrainingWorker = "ktrdr.training.training_worker:app";

    public static string[] Args(string application, int port) => ["-m", "uvicorn", application, "--host", "127.0.0.1", "--port", port.ToString()];

    public static StandinEnvironment Env(params (string Name, string Value)[] values) =>
        new(values.ToDictionary(v => v.Name, v => v.Value));

    private static StandinEnvironment Merge(IReadOnlyDictionary<string, string> defaults, IReadOnlyDictionary<string, string>? overrides)
    {
        var merged = new Dictionary<string, string>(defaults);
        foreach (var (name, value) in overrides ?? new Dictionary<string, string>())
        {
            merged[name] = value;
        }
        return new StandinEnvironment(merged);
    }
}
