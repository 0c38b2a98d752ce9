using System.Text.Json.Nodes;
using Ktrdr.Deploy.Verification;
using Ktrdr.Deploy.Verification.Evaluation;
using Verification.Tests.Support;

namespace Verification.Tests;

/// <summary>Matching Prometheus' active targets (recorded from Prometheus 2.42, one worker stopped) with the generated jobs.</summary>
public class TargetsEvaluatorTests
{
    private static readonly ExpectedTarget Backend = new("ktrdr-backend", "127.0.0.1:33865");
    private static readonly ExpectedTarget Gpu = new("ktrdr-gpu", "127.0.0.1:36183");
    private static readonly ExpectedTarget Workers = new("ktrdr-workers-b", "127.0.0.1:33749");

    private static IReadOnlyList<ActiveTarget> Recorded() =>
        ActiveTarget.ParseList(JsonNode.Parse(StubServer.Recorded("prometheus-targets-one-down.json")));

    [Fact]
    public void Up_targets_pass_and_a_down_target_quotes_prometheus_and_names_the_port()
    {
        var outcomes = TargetsEvaluator.Evaluate([Backend, Gpu, Workers], Recorded());

        Assert.Equal(new CheckOutcome("ktrdr-backend 127.0.0.1:33865", CheckResult.Passed, "up (http://127.0.0.1:33865/metrics/)"), outcomes[0]);
        Assert.Equal(CheckResult.Passed, outcomes[1].Result);
        Assert.Equal("DOWN: Get \"http://127.0.0.1:33749/metrics/\": dial tcp 127.0.0.1:33749: connect: connection refused", outcomes[2].Detail);
        Assert.Contains("compare port 33749 with the port the container listens on", outcomes[2].Hint);
        Assert.Equal(3, outcomes.Count);
    }

    [Fact]
    public void A_target_on_another_port_is_missing_and_the_scraped_one_is_unexpected()
    {
        var outcomes = TargetsEvaluator.Evaluate([Backend, new("ktrdr-gpu", "127.0.0.1:5005"), Workers], Recorded());

        var missing = outcomes.Single(o => o.Target == "ktrdr-gpu 127.0.0.1:5005");
        Assert.Equal("not among Prometheus' active targets; job ktrdr-gpu scrapes 127.0.0.1:36183 instead", missing.Detail);
        Assert.Contains("port 5005 expected", missing.Hint);
        var unexpected = outcomes.Single(o => o.Target == "ktrdr-gpu 127.0.0.1:36183");
        Assert.Equal((CheckResult.Failed, "scraped by Prometheus but not in the topology (health up)"), (unexpected.Result, unexpected.Detail));
    }

    [Fact]
    public void A_job_Prometheus_does_not_have_is_named()
    {
        var outcome = TargetsEvaluator.Evaluate([new("ktrdr-workers-c", "workers-c.ktrdr.lab:5003")], [])[0];

        Assert.Equal("not among Prometheus' active targets; there is no job ktrdr-workers-c", outcome.Detail);
    }

    [Fact]
    public void A_target_not_scraped_yet_fails_so_that_it_is_asked_again()
    {
        var outcome = TargetsEvaluator.Evaluate([Backend], [new("ktrdr-backend", "127.0.0.1:33865", "unknown", "", "")])[0];

        Assert.Equal((CheckResult.Failed, "health unknown: not scraped yet"), (outcome.Result, outcome.Detail));
    }

    [Fact]
    public void An_answer_without_labels_says_where()
    {
        var json = JsonNode.Parse("{\"status\":\"success\",\"data\":{\"activeTargets\":[{\"health\":\"up\"}]}}");

        Assert.Equal("GET /api/v1/targets data.activeTargets[0].labels: expected a JSON object, found nothing",
            Assert.Throws<FormatException>(() => ActiveTarget.ParseList(json)).Message);
    }
}
