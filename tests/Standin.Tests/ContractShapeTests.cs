using System.Net;
using Standin.Tests.Support;

namespace Standin.Tests;

/// <summary>
/// Contract points (ktrdr-contract.md) the stand-in did not match before issue #15: a worker's GET / had no
/// timestamp; worker /metrics had http_server_* and no operations families; a CPU training worker registered
/// {"gpu":false,"gpu_type":null,"gpu_count":0} and a GPU one gpu_type "simulated"; the backend had no OpenAPI document.
/// </summary>
public class ContractShapeTests
{
    [Fact]
    public async Task A_worker_answers_GET_root_with_the_contract_body()
    {
        await using var backend = await Standins.BackendAsync();
        await using var worker = await Standins.WorkerAsync(Standins.TrainingWorker, backend,
            new Dictionary<string, string> { ["KTRDR_WORKER_ID"] = "workers-b-training-1" });
        using var api = new Api(worker.BaseAddress);

        var root = await api.GetJsonAsync("/");

        Assert.Equal(["service", "version", "status", "timestamp", "worker_id"], root.AsObject().Select(p => p.Key));
        Assert.Equal(("Training Worker Service", "1.0.0", "running", "workers-b-training-1"),
            (root["service"]!.GetValue<string>(), root["version"]!.GetValue<string>(), root["status"]!.GetValue<string>(), root["worker_id"]!.GetValue<string>()));
        Assert.True(DateTime.TryParse(root["timestamp"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, out _));
    }

    [Fact]
    public async Task Worker_metrics_have_the_operations_families_and_process_but_no_http_histograms()
    {
        await using var backend = await Standins.BackendAsync();
        await using var worker = await Standins.WorkerAsync(Standins.BacktestWorker, backend);
        using var api = new Api(worker.BaseAddress);

        var text = await (await api.GetAsync("/metrics")).Content.ReadAsStringAsync();

        Assert.Contains("ktrdr_operations_active{operation_type=\"backtesting\"} 0", text);
        Assert.Contains("ktrdr_operations_total{operation_type=\"backtesting\",status=\"completed\"} 0", text);
        Assert.Contains("ktrdr_operation_duration_seconds_count{operation_type=\"backtesting\"} 0", text);
        Assert.Contains("process_resident_memory_bytes", text);
        Assert.DoesNotContain("http_server_", text);
    }

    [Fact]
    public async Task A_finished_operation_is_counted_in_the_worker_metrics()
    {
        await using var backend = await Standins.BackendAsync();
        await using var worker = await Standins.WorkerAsync(Standins.BacktestWorker, backend);
        using var api = new Api(worker.BaseAddress);

        await api.PostJsonAsync("/backtests/start", new { strategy_name = "s", start_date = "2024-01-01", end_date = "2024-02-01", standin_seconds = 0 });

        await Eventually.ValueAsync(async () => await (await api.GetAsync("/metrics")).Content.ReadAsStringAsync(),
            t => t.Contains("ktrdr_operations_total{operation_type=\"backtesting\",status=\"completed\"} 1") &&
                 t.Contains("ktrdr_operation_duration_seconds_count{operation_type=\"backtesting\"} 1"), "the completed backtest in the worker's metrics");
    }

    [Fact]
    public async Task A_cpu_training_worker_registers_gpu_false_with_no_other_keys()
    {
        await using var backend = await Standins.BackendAsync();
        await using var cpu = await Standins.WorkerAsync(Standins.TrainingWorker, backend);
        using var api = new Api(backend.BaseAddress);

        var record = await api.WorkerOrNullAsync(cpu.WorkerId!);

        Assert.Equal("""{"gpu":false}""", Api.Text(record!["capabilities"]));
    }

    [Fact]
    public async Task The_backend_serves_an_openapi_document_describing_its_endpoints()
    {
        await using var backend = await Standins.BackendAsync();
        using var api = new Api(backend.BaseAddress);

        var doc = await api.GetJsonAsync("/api/v1/openapi.json");

        Assert.StartsWith("3.", doc["openapi"]!.GetValue<string>());
        Assert.Equal(
            ["/api/v1/health", "/api/v1/workers/register", "/api/v1/workers", "/api/v1/workers/{worker_id}", "/api/v1/operations", "/api/v1/backtests/start", "/api/v1/trainings/start"],
            doc["paths"]!.AsObject().Select(p => p.Key));
        var registration = doc["components"]!["schemas"]!["WorkerRegistrationRequest"]!;
        Assert.Equal("""["worker_id","worker_type","endpoint_url"]""", Api.Text(registration["required"]));
        Assert.Equal("""["strategy_name","start_date","end_date"]""", Api.Text(doc["components"]!["schemas"]!["BacktestStartRequest"]!["required"]));
        Assert.Equal("#/components/schemas/WorkerRecord", doc["paths"]!["/api/v1/workers/{worker_id}"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
    }
}
