using System.Text.Json.Nodes;
using Standin.Tests.Support;

namespace Standin.Tests;

public class OperationLifecycleTests
{
    private static async Task<JsonNode> OperationAsync(Api api, string id) => (await api.GetJsonAsync($"/api/v1/operations/{id}"))["data"]!;

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task A_backtest_started_on_the_backend_runs_on_a_worker_and_completes_with_a_result_file()
    {
        var shared = Directory.CreateTempSubdirectory("standin-shared-");
        Directory.CreateDirectory(Path.Combine(shared.FullName, "results"));
        await using var backend = await Standins.BackendAsync();
        await using var worker = await Standins.WorkerAsync(Standins.BacktestWorker, backend, new Dictionary<string, string>
        {
            ["KTRDR_DATA_DIR"] = Path.Combine(shared.FullName, "data"),
            ["KTRDR_STANDIN_OPERATION_SECONDS"] = "1.5",
        });
        using var api = new Api(backend.BaseAddress);
        using var workerApi = new Api(worker.BaseAddress);

        var started = await api.PostJsonAsync("/api/v1/backtests/start",
            new { strategy_name = "mean_reversion", symbol = "EURUSD", timeframe = "1h", start_date = "2024-01-01", end_date = "2024-06-30" });
        var id = started["operation_id"]!.GetValue<string>();
        var health = await workerApi.GetJsonAsync("/health");
        var busyRecord = await Eventually.ValueAsync(() => api.WorkerOrNullAsync(worker.WorkerId!),
            w => w?["status"]?.GetValue<string>() == "busy" && w["last_health_check"] is not null, "the backend seeing the worker busy");
        var done = await Eventually.ValueAsync(() => OperationAsync(api, id), o => o["status"]!.GetValue<string>() != "running", "the operation to finish");

        Assert.Equal(("busy", id), (health["worker_status"]!.GetValue<string>(), health["current_operation"]!.GetValue<string>()));
        Assert.Equal(id, busyRecord!["current_operation_id"]!.GetValue<string>());
        Assert.Matches("^op_backtesting_[0-9]{8}_[0-9]{6}_[0-9a-f]{8}$", id);
        Assert.Equal(("completed", worker.WorkerId, "EURUSD"), (done["status"]!.GetValue<string>(), done["worker_id"]!.GetValue<string>(), done["symbol"]!.GetValue<string>()));
        var resultFile = Path.Combine(shared.FullName, "results", id + ".json");
        Assert.Equal(resultFile, done["result_summary"]!["result_file"]!.GetValue<string>());
        Assert.Equal(id, JsonNode.Parse(await File.ReadAllTextAsync(resultFile))!["operation_id"]!.GetValue<string>());
        Assert.Equal((UnixFileMode)Convert.ToInt32("664", 8), File.GetUnixFileMode(resultFile));
        await Eventually.TrueAsync(async () => await api.WorkerStatusAsync(worker.WorkerId!) == "available", "the worker to be available again");
        var listed = await api.GetJsonAsync("/api/v1/operations");
        Assert.Equal((1, 0), (listed["total_count"]!.GetValue<int>(), listed["active_count"]!.GetValue<int>()));
        shared.Delete(recursive: true);
    }

    [Fact]
    public async Task A_request_can_ask_the_stand_in_to_work_longer_so_a_test_keeps_a_worker_busy()
    {
        await using var backend = await Standins.BackendAsync();
        await using var worker = await Standins.WorkerAsync(Standins.BacktestWorker, backend,
            new Dictionary<string, string> { ["KTRDR_STANDIN_OPERATION_SECONDS"] = "0.2" });
        using var api = new Api(backend.BaseAddress);
        using var workerApi = new Api(worker.BaseAddress);

        var started = await api.PostJsonAsync("/api/v1/backtests/start",
            new { strategy_name = "mean_reversion", start_date = "2024-01-01", end_date = "2024-06-30", standin_seconds = 3 });
        var id = started["operation_id"]!.GetValue<string>();

        await Eventually.ValueAsync(() => workerApi.GetJsonAsync("/health"), h => h["worker_status"]!.GetValue<string>() == "busy", "the worker to be busy");
        var done = await Eventually.ValueAsync(() => OperationAsync(api, id), o => o["status"]!.GetValue<string>() != "running", "the operation to finish");
        Assert.Equal("completed", done["status"]!.GetValue<string>());
        // the request's 3 s, not the worker's own 0.2 s: a lower bound, which load can only lengthen
        var worked = DateTimeOffset.Parse(done["completed_at"]!.GetValue<string>()) - DateTimeOffset.Parse(done["started_at"]!.GetValue<string>());
        Assert.True(worked >= TimeSpan.FromSeconds(2.9), $"the operation worked {worked.TotalSeconds:0.00} s");
    }

    [Fact]
    public async Task A_training_goes_to_the_gpu_worker_and_answers_with_a_task_id()
    {
        await using var backend = await Standins.BackendAsync();
        await using var cpu = await Standins.WorkerAsync(Standins.TrainingWorker, backend);
        await using var gpu = await Standins.WorkerAsync(Standins.TrainingWorker, backend,
            new Dictionary<string, string> { ["NVIDIA_VISIBLE_DEVICES"] = "0" });
        using var api = new Api(backend.BaseAddress);

        var started = await api.PostJsonAsync("/api/v1/trainings/start", new { strategy_name = "neuro_mean_reversion" });
        var operation = await OperationAsync(api, started["task_id"]!.GetValue<string>());

        Assert.Equal(("started", "training", gpu.WorkerId), (started["status"]!.GetValue<string>(),
            operation["operation_type"]!.GetValue<string>(), operation["worker_id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Health_failures_make_a_worker_temporarily_unavailable_and_then_remove_it()
    {
        await using var backend = await Standins.BackendAsync(env: new Dictionary<string, string>
        {
            ["KTRDR_WORKER_HEALTH_CHECK_INTERVAL"] = "0.1",
            ["KTRDR_WORKER_REMOVAL_THRESHOLD"] = "1.5",
        });
        await using var sick = await Standins.WorkerAsync(Standins.BacktestWorker, backend,
            new Dictionary<string, string> { ["KTRDR_STANDIN_FAIL_HEALTH"] = "true" });
        using var api = new Api(backend.BaseAddress);
        using var sickApi = new Api(sick.BaseAddress);

        var body = await sickApi.GetJsonAsync("/health");
        var unavailable = await Eventually.ValueAsync(() => api.WorkerOrNullAsync(sick.WorkerId!),
            w => w?["status"]?.GetValue<string>() == "temporarily_unavailable", "three failed checks");
        await Eventually.TrueAsync(async () => await api.WorkerOrNullAsync(sick.WorkerId!) is null, "the removal of the worker");

        Assert.False(body["healthy"]!.GetValue<bool>());
        Assert.True(unavailable!["health_check_failures"]!.GetValue<int>() >= 3);
    }

    [Fact]
    public async Task A_public_url_with_a_trailing_slash_makes_every_health_check_fail()
    {
        await using var backend = await Standins.BackendAsync();
        var port = FreePort.Next();
        await using var worker = await Standins.WorkerAsync(Standins.BacktestWorker, backend,
            new Dictionary<string, string> { ["KTRDR_WORKER_PUBLIC_BASE_URL"] = $"http://127.0.0.1:{port}/" }, port);
        using var api = new Api(backend.BaseAddress);

        await Eventually.TrueAsync(async () => await api.WorkerStatusAsync(worker.WorkerId!) == "temporarily_unavailable",
            "the backend's '//health' calls to fail");
    }
}
