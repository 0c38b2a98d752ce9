using System.Text.Json.Nodes;
using Ktrdr.Deploy.Verification;
using Ktrdr.Deploy.Verification.Evaluation;
using Verification.Tests.Support;

namespace Verification.Tests;

/// <summary>Matching the backend's worker records (recorded from the stand-in) with the expected slots.</summary>
public class RegistrationEvaluatorTests
{
    private static readonly ExpectedWorker Backtest = new("workers-b-backtest-1", WorkerKind.Backtesting, "http://127.0.0.1:33749", false);
    private static readonly ExpectedWorker Gpu = new("gpu-training-gpu-1", WorkerKind.Training, "http://127.0.0.1:36183", true);

    private static IReadOnlyList<RegisteredWorker> Recorded() =>
        RegisteredWorker.ParseList(JsonNode.Parse(StubServer.Recorded("backend-workers-one-unavailable.json")));

    private static RegisteredWorker Record(ExpectedWorker w, string? endpoint = null, string status = "available", bool gpu = false, string? type = null) =>
        new(w.Id, type ?? w.TypeName, endpoint ?? w.Endpoint, status, gpu);

    [Fact]
    public void The_recorded_answer_is_read_with_gpu_capability_and_status()
    {
        var outcomes = RegistrationEvaluator.Evaluate([Backtest, Gpu], Recorded());

        Assert.Equal(new CheckOutcome(Gpu.Id, CheckResult.Passed, "training, available, http://127.0.0.1:36183, gpu"), outcomes.Single(o => o.Target == Gpu.Id));
        var backtest = outcomes.Single(o => o.Target == Backtest.Id);
        Assert.Equal((CheckResult.Failed, "status temporarily_unavailable, expected available"), (backtest.Result, backtest.Detail));
        Assert.Contains("http://127.0.0.1:33749/health", backtest.Hint);
        Assert.Equal(CheckResult.Passed, outcomes.Single(o => o.Target == RegistrationEvaluator.CountTarget).Result);
    }

    [Fact]
    public void A_missing_worker_fails_and_says_when_its_endpoint_registered_under_another_id()
    {
        var stranger = new RegisteredWorker("backtesting-worker-1a2b3c4d", "backtesting", Backtest.Endpoint, "available", false);

        var outcomes = RegistrationEvaluator.Evaluate([Backtest, Gpu], [stranger, Record(Gpu, gpu: true)]);

        Assert.Equal($"not registered; {Backtest.Endpoint} registered as \"backtesting-worker-1a2b3c4d\" instead", outcomes[0].Detail);
        Assert.Equal(CheckResult.Failed, outcomes.Single(o => o.Target == "backtesting-worker-1a2b3c4d").Result);
        Assert.Equal("2 registered (1 backtesting, 1 training), 2 expected", outcomes.Single(o => o.Target == "count").Detail);
    }

    [Theory]
    [InlineData("http://127.0.0.1:33749/", "registered endpoint http://127.0.0.1:33749/, expected http://127.0.0.1:33749", "//health")]
    [InlineData("http://backtest-worker-1:5003", "registered endpoint http://backtest-worker-1:5003, expected http://127.0.0.1:33749", "node's DNS name")]
    public void A_wrong_endpoint_fails_with_the_matching_hint(string registered, string detail, string hint)
    {
        var outcome = RegistrationEvaluator.Evaluate([Backtest], [Record(Backtest, endpoint: registered)])[0];

        Assert.Equal((CheckResult.Failed, detail), (outcome.Result, outcome.Detail));
        Assert.Contains(hint, outcome.Hint);
    }

    [Fact]
    public void A_wrong_type_fails()
    {
        var outcome = RegistrationEvaluator.Evaluate([Backtest], [Record(Backtest, type: "training")])[0];

        Assert.Equal("registered as worker_type training, expected backtesting", outcome.Detail);
    }

    [Fact]
    public void Gpu_missing_where_expected_fails_and_gpu_where_not_expected_only_warns()
    {
        var outcomes = RegistrationEvaluator.Evaluate([Backtest, Gpu], [Record(Backtest, gpu: true), Record(Gpu, gpu: false)]);

        Assert.Equal(CheckResult.Warning, outcomes[0].Result);
        Assert.Equal((CheckResult.Failed, "registered without gpu: true on a GPU node"), (outcomes[1].Result, outcomes[1].Detail));
        Assert.Contains("NVIDIA_VISIBLE_DEVICES", outcomes[1].Hint);
    }

    [Fact]
    public void Stale_records_are_listed_as_failures_and_the_count_fails()
    {
        var stale = new RegisteredWorker("training-worker-9f8e7d6c", "training", "http://workers-b.ktrdr.lab:5005", "temporarily_unavailable", false);

        var outcomes = RegistrationEvaluator.Evaluate([Backtest], [Record(Backtest), stale]);

        var extra = outcomes.Single(o => o.Target == stale.Id);
        Assert.Equal("unexpected worker registered (training, temporarily_unavailable, http://workers-b.ktrdr.lab:5005)", extra.Detail);
        Assert.Contains("stable KTRDR_WORKER_ID", extra.Hint);
        Assert.Equal(new CheckOutcome("count", CheckResult.Failed, "2 registered (1 backtesting, 1 training), 1 expected",
            "extra records are listed above; they are usually stale ids from workers started without a stable KTRDR_WORKER_ID"), outcomes[^1]);
    }

    [Fact]
    public void An_answer_that_is_not_a_list_of_records_says_which_field_is_wrong()
    {
        Assert.Equal("GET /api/v1/workers: expected a JSON list, found an object",
            Assert.Throws<FormatException>(() => RegisteredWorker.ParseList(JsonNode.Parse("{\"workers\":[]}"))).Message);
        Assert.Equal("GET /api/v1/workers[0]: expected a string in \"worker_id\", found nothing",
            Assert.Throws<FormatException>(() => RegisteredWorker.ParseList(JsonNode.Parse("[{\"id\":\"x\"}]"))).Message);
    }
}
