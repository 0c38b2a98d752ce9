using System.Text.Json.Nodes;
using Ktrdr.Deploy.Verification;
using Standin.Hosting;
using Standin.Tests.Support;

namespace Verification.Tests.Support;

/// <summary>
/// A small live KTRDR system on loopback: the stand-in backend, a backtesting worker (workers-b) and a GPU training
/// worker (gpu, NVIDIA_VISIBLE_DEVICES=all), all real HTTP servers, and a real Prometheus scraping them every second
/// with the jobs the generated prometheus.yml would have (ktrdr-backend, ktrdr-workers-b, ktrdr-gpu).
/// </summary>
public sealed class LocalSystem : IAsyncDisposable
{
    public const string Environment = "test";
    public const string BacktestId = "workers-b-backtest-1";
    public const string TrainingId = "gpu-training-gpu-1";

    /// <summary>Names that do not resolve here: Verify reaches them through its host map only.</summary>
    public const string BackendHost = "backend.ktrdr.test";
    public const string PrometheusHost = "prometheus.ktrdr.test";

    private readonly List<RunningStandin> extras = [];

    private LocalSystem(RunningStandin backend, RunningStandin backtest, RunningStandin training, PrivatePrometheus prometheus, IReadOnlyList<TestScrapeJob> jobs)
    {
        Backend = backend;
        Backtest = backtest;
        Training = training;
        Prometheus = prometheus;
        Jobs = jobs;
    }

    public RunningStandin Backend { get; }
    public RunningStandin Backtest { get; }
    public RunningStandin Training { get; }
    public PrivatePrometheus Prometheus { get; }
    public IReadOnlyList<TestScrapeJob> Jobs { get; }

    public IReadOnlyList<ExpectedWorker> ExpectedWorkers =>
    [
        new(BacktestId, WorkerKind.Backtesting, Endpoint(Backtest), GpuExpected: false),
        new(TrainingId, WorkerKind.Training, Endpoint(Training), GpuExpected: true),
    ];

    /// <param name="trainingScrapePort">The port prometheus.yml (and the plan) give the GPU worker; default: the one it listens on.</param>
    public static async Task<LocalSystem> StartAsync(int? trainingScrapePort = null)
    {
        var backend = await Standins.BackendAsync();
        var backtest = await Standins.WorkerAsync(Standins.BacktestWorker, backend, new Dictionary<string, string> { ["KTRDR_WORKER_ID"] = BacktestId });
        var training = await Standins.WorkerAsync(Standins.TrainingWorker, backend,
            new Dictionary<string, string> { ["KTRDR_WORKER_ID"] = TrainingId, ["NVIDIA_VISIBLE_DEVICES"] = "all" });
        IReadOnlyList<TestScrapeJob> jobs =
        [
            new("ktrdr-backend", [backend.BaseAddress.Authority]),
            new("ktrdr-workers-b", [backtest.BaseAddress.Authority]),
            new("ktrdr-gpu", [$"127.0.0.1:{trainingScrapePort ?? training.BaseAddress.Port}"]),
        ];
        return new LocalSystem(backend, backtest, training, await PrivatePrometheus.StartAsync(jobs), jobs);
    }

    /// <summary>What Verify expects of this system; Grafana and Jaeger are not deployed here.</summary>
    public VerifyPlan Plan(TimeSpan deadline, IReadOnlyList<PanelQuery>? queries = null) => new()
    {
        Environment = Environment,
        Backend = new Uri($"http://{BackendHost}:{Backend.BaseAddress.Port}"),
        Workers = ExpectedWorkers,
        Prometheus = new Uri($"http://{PrometheusHost}:{Prometheus.Port}"),
        Targets = Jobs.SelectMany(j => j.Targets.Select(t => new ExpectedTarget(j.Name, t))).ToList(),
        Queries = queries ?? TestQueries.Healthy,
        Grafana = Component<GrafanaPlan>.NotDeployedIn(Environment),
        Jaeger = Component<JaegerPlan>.NotDeployedIn(Environment),
        HostMap = new Dictionary<string, string> { [BackendHost] = "127.0.0.1", [PrometheusHost] = "127.0.0.1" },
        Deadline = deadline,
        PollInterval = TimeSpan.FromMilliseconds(250),
    };

    /// <summary>
    /// Verifies with --strict until everything is green (waits for Prometheus' first scrape of each target and two samples for
    /// rate()), so that the rows of a Verify after it all pass; fails listing every row otherwise.
    /// </summary>
    public async Task<VerifyReport> VerifyGreenAsync(IReadOnlyList<PanelQuery>? queries = null)
    {
        var report = await VerifyRunner.RunAsync(Plan(TimeSpan.FromSeconds(30), queries) with { Strict = true });
        Assert.True(report.Succeeded, "expected the local system to verify green:\n" + ReportText.Of(report));
        return report;
    }

    /// <summary>Waits until Prometheus has scraped every target at least once (its first scrape comes ~5 s after start).</summary>
    public async Task WaitForScrapesAsync()
    {
        using var client = new HttpClient();
        await Eventually.TrueAsync(async () =>
        {
            var targets = JsonNode.Parse(await client.GetStringAsync(new Uri(Prometheus.BaseAddress, "/api/v1/targets")))!["data"]!["activeTargets"]!.AsArray();
            return targets.Count == Jobs.Sum(j => j.Targets.Count) && targets.All(t => t!["health"]!.GetValue<string>() != "unknown");
        }, "Prometheus to scrape every target once");
    }

    /// <summary>Starts one more worker registered with the backend (not in the plan).</summary>
    public async Task<RunningStandin> StartExtraWorkerAsync(string id)
    {
        var worker = await Standins.WorkerAsync(Standins.BacktestWorker, Backend, new Dictionary<string, string> { ["KTRDR_WORKER_ID"] = id });
        extras.Add(worker);
        return worker;
    }

    public async ValueTask DisposeAsync()
    {
        await Prometheus.DisposeAsync();
        foreach (var standin in extras.Append(Training).Append(Backtest).Append(Backend)) await standin.DisposeAsync();
    }

    private static string Endpoint(RunningStandin worker) => $"http://127.0.0.1:{worker.BaseAddress.Port}";
}
