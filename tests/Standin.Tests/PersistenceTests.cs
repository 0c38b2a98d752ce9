using Standin.Tests.Support;

namespace Standin.Tests;

public class PersistenceTests
{
    [Fact]
    public async Task Operations_written_through_the_backend_survive_its_redeploy_when_postgres_is_configured()
    {
        await using var postgres = await PrivatePostgres.StartAsync();
        var env = new Dictionary<string, string>(Standins.FastBackend);
        foreach (var (name, value) in postgres.Environment)
        {
            env[name] = value;
        }
        var port = FreePort.Next();
        string operationId;
        await using (var first = await Standins.BackendAsync(port, env))
        {
            await using var worker = await Standins.WorkerAsync(Standins.BacktestWorker, first,
                new Dictionary<string, string> { ["KTRDR_STANDIN_OPERATION_SECONDS"] = "0.3" });
            using var firstApi = new Api(first.BaseAddress);
            var started = await firstApi.PostJsonAsync("/api/v1/backtests/start",
                new { strategy_name = "s", start_date = "2024-01-01", end_date = "2024-02-01" });
            operationId = started["operation_id"]!.GetValue<string>();
            await Eventually.TrueAsync(async () => (await firstApi.GetJsonAsync($"/api/v1/operations/{operationId}"))["data"]!["status"]!.GetValue<string>() == "completed",
                "the backtest to complete");
        }

        await using var second = await Standins.BackendAsync(port, env);
        using var api = new Api(second.BaseAddress);
        var listed = await api.GetJsonAsync("/api/v1/operations");

        var only = Assert.Single(listed["data"]!.AsArray());
        Assert.Equal((operationId, "completed", "s"), (only!["operation_id"]!.GetValue<string>(), only["status"]!.GetValue<string>(),
            only["parameters"]!["strategy_name"]!.GetValue<string>()));
        Assert.NotNull(only["result_summary"]!["worker_id"]);
    }

    [Fact]
    public async Task A_wrong_database_password_stops_the_backend_with_a_message_that_does_not_contain_it()
    {
        await using var postgres = await PrivatePostgres.StartAsync();
        var env = new Dictionary<string, string>(postgres.Environment) { ["KTRDR_DB_PASSWORD"] = "not-the-password" };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Standins.BackendAsync(env: env));

        Assert.Contains($"cannot use PostgreSQL 127.0.0.1:{postgres.Port}/ktrdr", error.Message);
        Assert.Contains("password authentication failed", error.Message);
        Assert.DoesNotContain("not-the-password", error.Message);
    }
}
