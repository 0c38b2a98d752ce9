using Ktrdr.Deploy.Verification;
using Ktrdr.Deploy.Verification.Checks;
using Standin.Tests.Support;
using Verification.Tests.Support;

namespace Verification.Tests;

/// <summary>The health checks against real stand-ins: the body decides, not the status code.</summary>
public class HealthCheckTests
{
    [Fact]
    public async Task A_worker_that_answers_200_with_healthy_false_fails()
    {
        await using var backend = await Standins.BackendAsync();
        await using var worker = await Standins.WorkerAsync(Standins.TrainingWorker, backend,
            new Dictionary<string, string> { ["KTRDR_WORKER_ID"] = "workers-b-training-1", ["KTRDR_STANDIN_FAIL_HEALTH"] = "true" });
        var expected = new ExpectedWorker("workers-b-training-1", WorkerKind.Training, $"http://127.0.0.1:{worker.BaseAddress.Port}", false);

        var outcome = await CheckRun.SingleAsync(new WorkerHealthCheck(expected));

        Assert.Equal(CheckResult.Failed, outcome.Result);
        Assert.StartsWith($"http://127.0.0.1:{worker.BaseAddress.Port}/health answers 200 but healthy: false", outcome.Detail);
    }

    [Fact]
    public async Task A_healthy_worker_passes_and_a_trailing_slash_endpoint_fails_like_the_backend_would()
    {
        await using var backend = await Standins.BackendAsync();
        await using var worker = await Standins.WorkerAsync(Standins.BacktestWorker, backend,
            new Dictionary<string, string> { ["KTRDR_WORKER_ID"] = "workers-b-backtest-1" });
        var expected = new ExpectedWorker("workers-b-backtest-1", WorkerKind.Backtesting, $"http://127.0.0.1:{worker.BaseAddress.Port}", false);

        var healthy = await CheckRun.SingleAsync(new WorkerHealthCheck(expected));
        var slashed = await CheckRun.SingleAsync(new WorkerHealthCheck(expected with { Endpoint = expected.Endpoint + "/" }));

        Assert.Equal((CheckResult.Passed, $"healthy, idle (127.0.0.1:{worker.BaseAddress.Port})"), (healthy.Result, healthy.Detail));
        Assert.Equal((CheckResult.Failed, $"GET http://127.0.0.1:{worker.BaseAddress.Port}//health: expected 200, got 404 {{\"detail\":\"Not Found\"}}"),
            (slashed.Result, slashed.Detail));
    }

    [Fact]
    public async Task A_backend_url_where_another_service_answers_fails_with_that_hint()
    {
        await using var backend = await Standins.BackendAsync();
        await using var worker = await Standins.WorkerAsync(Standins.BacktestWorker, backend);

        var outcome = await CheckRun.SingleAsync(new BackendHealthCheck(worker.BaseAddress));

        Assert.Equal(CheckResult.Failed, outcome.Result);
        Assert.Contains("answered 404: is something else listening on port", outcome.Hint);
    }
}
