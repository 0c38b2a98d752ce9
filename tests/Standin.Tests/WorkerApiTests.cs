using System.Net;
using Standin.Tests.Support;

namespace Standin.Tests;

public class WorkerApiTests
{
    [Fact]
    public async Task A_worker_registers_at_start_and_the_poller_keeps_it_available()
    {
        await using var backend = await Standins.BackendAsync();
        await using var worker = await Standins.WorkerAsync(Standins.BacktestWorker, backend,
            new Dictionary<string, string> { ["KTRDR_WORKER_ID"] = "workers-b-backtest-1" });
        using var api = new Api(backend.BaseAddress);

        var registered = await api.HealthCheckedWorkerAsync("workers-b-backtest-1");

        Assert.Equal("workers-b-backtest-1", worker.WorkerId);
        Assert.Equal(("backtesting", "available", $"http://127.0.0.1:{worker.BaseAddress.Port}", "{}"),
            (registered!["worker_type"]!.GetValue<string>(), registered["status"]!.GetValue<string>(),
             registered["endpoint_url"]!.GetValue<string>(), Api.Text(registered["capabilities"])));
    }

    [Fact]
    public async Task Worker_health_reports_idle_and_metrics_is_a_plain_route()
    {
        await using var backend = await Standins.BackendAsync();
        await using var worker = await Standins.WorkerAsync(Standins.BacktestWorker, backend);
        using var api = new Api(worker.BaseAddress);

        var health = await api.GetJsonAsync("/health");
        using var metrics = await api.GetAsync("/metrics");
        using var slash = await api.GetAsync("/metrics/");

        Assert.Equal((true, "backtesting-worker", "operational", "idle", "null"),
            (health["healthy"]!.GetValue<bool>(), health["service"]!.GetValue<string>(), health["status"]!.GetValue<string>(),
             health["worker_status"]!.GetValue<string>(), Api.Text(health["current_operation"])));
        Assert.True(DateTime.TryParse(health["timestamp"]!.GetValue<string>(), out _));
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.Contains("process_resident_memory_bytes", await metrics.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.TemporaryRedirect, slash.StatusCode);
        Assert.Equal("/metrics", slash.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task A_training_worker_told_of_nvidia_devices_registers_a_simulated_gpu()
    {
        await using var backend = await Standins.BackendAsync();
        await using var gpu = await Standins.WorkerAsync(Standins.TrainingWorker, backend,
            new Dictionary<string, string> { ["NVIDIA_VISIBLE_DEVICES"] = "all" });
        await using var cpu = await Standins.WorkerAsync(Standins.TrainingWorker, backend,
            new Dictionary<string, string> { ["NVIDIA_VISIBLE_DEVICES"] = "void" });
        using var api = new Api(backend.BaseAddress);

        var gpuRecord = await api.WorkerOrNullAsync(gpu.WorkerId!);
        var cpuRecord = await api.WorkerOrNullAsync(cpu.WorkerId!);

        Assert.Equal("""{"gpu":true,"gpu_type":"CUDA","gpu_count":1}""", Api.Text(gpuRecord!["capabilities"]));
        Assert.Equal("""{"gpu":false}""", Api.Text(cpuRecord!["capabilities"]));
    }

    [Fact]
    public async Task A_worker_answers_nothing_until_it_registered_and_retries_until_the_backend_is_up()
    {
        var backendPort = FreePort.Next();
        var workerPort = FreePort.Next();
        var starting = Standins.WorkerAsync(Standins.BacktestWorker, new Uri($"http://127.0.0.1:{backendPort}"),
            new Dictionary<string, string> { ["KTRDR_STANDIN_REGISTRATION_FIRST_DELAY_SECONDS"] = "0.5" }, workerPort);

        await Task.WhenAny(starting, Task.Delay(TimeSpan.FromSeconds(0.7)));
        Assert.False(starting.IsCompleted);
        Assert.False(FreePort.IsListening(workerPort));
        await using var backend = await Standins.BackendAsync(backendPort);
        await using var worker = await starting;
        using var api = new Api(backend.BaseAddress);

        Assert.NotNull(await api.WorkerOrNullAsync(worker.WorkerId!));
        Assert.True(FreePort.IsListening(workerPort));
    }
}
