using System.Net;
using System.Text.Json.Nodes;
using Standin.Tests.Support;

namespace Standin.Tests;

public class BackendApiTests
{
    private static object Registration(string id, string type = "backtesting", string url = "http://127.0.0.1:9") =>
        new { worker_id = id, worker_type = type, endpoint_url = url, capabilities = new { } };

    [Fact]
    public async Task Health_always_says_ok_with_the_version_and_no_orphan_detector()
    {
        await using var backend = await Standins.BackendAsync(env: new Dictionary<string, string> { ["KTRDR_VERSION"] = "2.3.4" });
        using var api = new Api(backend.BaseAddress);

        var health = await api.GetJsonAsync("/api/v1/health");

        Assert.Equal("""{"status":"ok","version":"2.3.4","orphan_detector":null}""", Api.Text(health));
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task Metrics_without_a_slash_redirect_and_the_mounted_app_lists_every_catalogued_name()
    {
        await using var backend = await Standins.BackendAsync();
        using var api = new Api(backend.BaseAddress);
        await api.GetJsonAsync("/api/v1/health");

        using var redirect = await api.GetAsync("/metrics");
        using var metrics = await api.GetAsync("/metrics/");
        var text = await metrics.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirect.StatusCode);
        Assert.Equal("/metrics/", redirect.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.StartsWith("text/plain", metrics.Content.Headers.ContentType!.ToString());
        string[] samples =
        [
            "ktrdr_workers_registered_total{worker_type=\"backtesting\"} 0", "ktrdr_workers_available{worker_type=\"training\"} 0",
            "ktrdr_operations_active{operation_type=\"backtesting\"} 0",
            "ktrdr_operations_total{operation_type=\"training\",status=\"completed\"} 0",
            "ktrdr_operation_duration_seconds_bucket{operation_type=\"backtesting\",le=\"+Inf\"} 0",
            "ktrdr_operation_duration_seconds_sum{", "ktrdr_operation_duration_seconds_count{",
            "http_server_duration_milliseconds_bucket{http_method=\"GET\",http_scheme=\"http\",http_status_code=\"200\",http_target=\"/api/v1/health\",le=",
            "http_server_duration_milliseconds_sum{", "http_server_duration_milliseconds_count{",
            "\nprocess_cpu_seconds_total ", "\nprocess_resident_memory_bytes ", "\nprocess_virtual_memory_bytes ",
            "\nprocess_open_fds ", "\nprocess_start_time_seconds ",
        ];
        Assert.All(samples, sample => Assert.Contains(sample, text));
    }

    [Fact]
    public async Task Registration_without_required_fields_answers_422_like_fastapi()
    {
        await using var backend = await Standins.BackendAsync();
        using var api = new Api(backend.BaseAddress);

        var missing = await api.PostJsonAsync("/api/v1/workers/register", new { worker_type = "gpu" }, 422);
        using var notJson = await api.PostRawAsync("/api/v1/workers/register", "{oops");
        var badReport = await api.PostJsonAsync("/api/v1/workers/register", new
        {
            worker_id = "w", worker_type = "training", endpoint_url = "http://w:5005",
            completed_operations = new[] { new { operation_id = "op-1", status = "completed" } },
        }, 422);

        var issues = missing["detail"]!.AsArray().Select(i => (Api.Text(i!["loc"]), i!["type"]!.GetValue<string>())).ToList();
        Assert.Equal([("[\"body\",\"worker_id\"]", "missing"), ("[\"body\",\"worker_type\"]", "enum"), ("[\"body\",\"endpoint_url\"]", "missing")], issues);
        Assert.Equal("Field required", missing["detail"]![0]!["msg"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notJson.StatusCode);
        Assert.Contains("json_invalid", await notJson.Content.ReadAsStringAsync());
        Assert.Equal("[\"body\",\"completed_operations\",0,\"status\"]", Api.Text(badReport["detail"]![0]!["loc"]));
        Assert.Equal("Input should be 'COMPLETED', 'FAILED' or 'CANCELLED'", badReport["detail"]![0]!["msg"]!.GetValue<string>());
        Assert.Equal("[]", Api.Text(await api.GetJsonAsync("/api/v1/workers")));
    }

    [Fact]
    public async Task Registering_twice_updates_the_one_record()
    {
        await using var backend = await Standins.BackendAsync();
        using var api = new Api(backend.BaseAddress);

        var first = await api.PostJsonAsync("/api/v1/workers/register", Registration("w-1", url: "http://old:5003"));
        var second = await api.PostJsonAsync("/api/v1/workers/register", Registration("w-1", url: "http://new:5003"));
        var all = (await api.GetJsonAsync("/api/v1/workers")).AsArray();

        Assert.Equal("http://old:5003", first["endpoint_url"]!.GetValue<string>());
        Assert.Equal("http://new:5003", second["endpoint_url"]!.GetValue<string>());
        var only = Assert.Single(all);
        Assert.Equal(("w-1", "available", "http://new:5003"), (only!["worker_id"]!.GetValue<string>(), only["status"]!.GetValue<string>(),
            only["endpoint_url"]!.GetValue<string>()));
        string[] fields = ["worker_id", "worker_type", "endpoint_url", "status", "current_operation_id", "capabilities",
            "last_health_check", "last_healthy_at", "health_check_failures", "metadata"];
        Assert.Equal(fields, only.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task Worker_list_filters_refuse_a_bad_type_and_answer_an_empty_list_for_a_bad_status()
    {
        await using var backend = await Standins.BackendAsync();
        using var api = new Api(backend.BaseAddress);
        await api.PostJsonAsync("/api/v1/workers/register", Registration("b-1"));
        await api.PostJsonAsync("/api/v1/workers/register", Registration("t-1", "training"));

        using var badType = await api.GetAsync("/api/v1/workers?worker_type=gpu");
        var badStatus = await api.GetJsonAsync("/api/v1/workers?status=sleeping");
        var training = await api.GetJsonAsync("/api/v1/workers?worker_type=training&status=available");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, badType.StatusCode);
        Assert.Contains("\"loc\":[\"query\",\"worker_type\"]", await badType.Content.ReadAsStringAsync());
        Assert.Equal("[]", Api.Text(badStatus));
        Assert.Equal(["t-1"], training.AsArray().Select(w => w!["worker_id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task An_unknown_worker_answers_404_with_a_detail()
    {
        await using var backend = await Standins.BackendAsync();
        using var api = new Api(backend.BaseAddress);

        using var response = await api.GetAsync("/api/v1/workers/nobody");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("""{"detail":"Worker not found: nobody"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Starting_operations_needs_the_required_fields_and_an_available_worker()
    {
        await using var backend = await Standins.BackendAsync();
        using var api = new Api(backend.BaseAddress);

        var missing = await api.PostJsonAsync("/api/v1/backtests/start", new { strategy_name = "s" }, 422);
        var noWorker = await api.PostJsonAsync("/api/v1/trainings/start", new { strategy_name = "s" }, 503);
        var operations = await api.GetJsonAsync("/api/v1/operations");

        Assert.Equal(["start_date", "end_date"], missing["detail"]!.AsArray().Select(i => i!["loc"]![1]!.GetValue<string>()));
        Assert.StartsWith("No available training workers", noWorker["detail"]!.GetValue<string>());
        Assert.Equal("""{"success":true,"data":[],"total_count":0,"active_count":0}""", Api.Text(operations));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await api.GetAsync("/api/v1/operations?status=done")).StatusCode);
    }

    [Fact]
    public async Task While_shutting_down_the_backend_refuses_registrations_with_retry_after()
    {
        var backend = await Standins.BackendAsync(env: new Dictionary<string, string> { ["KTRDR_STANDIN_SHUTDOWN_GRACE_SECONDS"] = "3" });
        using var api = new Api(backend.BaseAddress);
        await api.PostJsonAsync("/api/v1/workers/register", Registration("w-1"));

        var stopping = backend.StopAsync();
        var refused = await Eventually.ValueAsync(
            async () => await api.PostAsync("/api/v1/workers/register", Registration("w-2")),
            response => response.StatusCode == HttpStatusCode.ServiceUnavailable, "a 503 while the backend stops");

        Assert.Equal("5", refused.Headers.GetValues("Retry-After").Single());
        Assert.Equal("Backend is shutting down - retry after restart", JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>());
        await stopping;
        await backend.DisposeAsync();
    }
}
