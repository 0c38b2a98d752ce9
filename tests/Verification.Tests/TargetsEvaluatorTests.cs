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

    private static readonly ActiveTarget Pending = new("ktrdr-backend", "127.0.0.1:33865", "unknown", "", "http://127.0.0.1:33865/metrics/");

    private static ScrapeSnapshot Recorded() =>
        new(ActiveTarget.ParseList(JsonNode.Parse(StubServer.Recorded("prometheus-targets-one-down.json"))), []);

    [Fact]
    public void Up_targets_pass_and_a_down_target_quotes_prometheus_and_names_the_port()
    {
        var outcomes = TargetsEvaluator.Evaluate([Backend, Gpu, Workers], Recorded(), strict: false);

        Assert.Equal(new CheckOutcome("ktrdr-backend 127.0.0.1:33865", CheckResult.Passed, "up (http://127.0.0.1:33865/metrics/)"), outcomes[0]);
        Assert.Equal(CheckResult.Passed, outcomes[1].Result);
        Assert.Equal("DOWN: Get \"http://127.0.0.1:33749/metrics/\": dial tcp 127.0.0.1:33749: connect: connection refused", outcomes[2].Detail);
        Assert.Contains("compare port 33749 with the port the container listens on", outcomes[2].Hint);
        Assert.Equal(3, outcomes.Count);
    }

    private static readonly ActiveTarget Refused = new("ktrdr-workers-b", "127.0.0.1:33749", "down",
        "Get \"http://127.0.0.1:33749/metrics/\": dial tcp 127.0.0.1:33749: connect: connection refused", "http://127.0.0.1:33749/metrics/");

    [Fact]
    public void A_target_refused_at_its_last_scrape_that_answers_Verify_now_is_a_warning_and_a_failure_with_strict()
    {
        var snapshot = new ScrapeSnapshot([Refused], [OwnScrape.Answered(Refused, Exposition.Parse("up 1\nworker_busy 0"))]);

        var relaxed = TargetsEvaluator.Evaluate([Workers], snapshot, strict: false)[0];
        var strict = TargetsEvaluator.Evaluate([Workers], snapshot, strict: true)[0];

        Assert.Equal((CheckResult.Warning, "answers now with 2 metrics at http://127.0.0.1:33749/metrics/; Prometheus' last scrape was refused (next scrape pending)"),
            (relaxed.Result, relaxed.Detail));
        Assert.Equal(CheckResult.Failed, strict.Result);
        Assert.StartsWith("DOWN: ", strict.Detail);
    }

    [Fact]
    public void A_target_refused_that_still_does_not_answer_or_down_for_another_reason_fails()
    {
        var timedOut = Refused with { LastError = "Get \"http://127.0.0.1:33749/metrics/\": context deadline exceeded" };
        var stillRefused = new ScrapeSnapshot([Refused], [OwnScrape.NoAnswer(Refused, "connection refused")]);
        var otherError = new ScrapeSnapshot([timedOut], [OwnScrape.Answered(timedOut, Exposition.Parse("up 1"))]);

        Assert.Equal(CheckResult.Failed, TargetsEvaluator.Evaluate([Workers], stillRefused, strict: false)[0].Result);
        Assert.Equal(CheckResult.Failed, TargetsEvaluator.Evaluate([Workers], otherError, strict: false)[0].Result);
        Assert.False(timedOut.AwaitsScrape);
        Assert.True(Refused.AwaitsScrape);
    }

    [Fact]
    public void A_target_on_another_port_is_missing_and_the_scraped_one_is_unexpected()
    {
        var outcomes = TargetsEvaluator.Evaluate([Backend, new("ktrdr-gpu", "127.0.0.1:5005"), Workers], Recorded(), strict: false);

        var missing = outcomes.Single(o => o.Target == "ktrdr-gpu 127.0.0.1:5005");
        Assert.Equal("not among Prometheus' active targets; job ktrdr-gpu scrapes 127.0.0.1:36183 instead", missing.Detail);
        Assert.Contains("port 5005 expected", missing.Hint);
        var unexpected = outcomes.Single(o => o.Target == "ktrdr-gpu 127.0.0.1:36183");
        Assert.Equal((CheckResult.Failed, "scraped by Prometheus but not in the topology (health up)"), (unexpected.Result, unexpected.Detail));
    }

    [Fact]
    public void A_job_Prometheus_does_not_have_is_named()
    {
        var outcome = TargetsEvaluator.Evaluate([new("ktrdr-workers-c", "workers-c.ktrdr.lab:5003")], ScrapeSnapshot.None, strict: false)[0];

        Assert.Equal("not among Prometheus' active targets; there is no job ktrdr-workers-c", outcome.Detail);
    }

    [Fact]
    public void A_target_not_scraped_yet_that_answers_Verify_with_metrics_is_a_warning_saying_so()
    {
        var snapshot = new ScrapeSnapshot([Pending], [OwnScrape.Answered(Pending, Exposition.Parse("up 1\nprocess_cpu_seconds_total 2"))]);

        var outcome = TargetsEvaluator.Evaluate([Backend], snapshot, strict: false)[0];

        Assert.Equal((CheckResult.Warning, "answers with 2 metrics at http://127.0.0.1:33865/metrics/ (Prometheus' first scrape pending)"),
            (outcome.Result, outcome.Detail));
        Assert.Contains("--strict waits for Prometheus' own scrape", outcome.Hint);
    }

    [Fact]
    public void A_target_not_scraped_yet_that_does_not_answer_Verify_fails_with_the_port_hint()
    {
        var snapshot = new ScrapeSnapshot([Pending],
            [OwnScrape.Failed(Pending, "GET http://127.0.0.1:33865/metrics/: connection refused on 127.0.0.1:33865 (nothing listens there)")]);

        var outcome = TargetsEvaluator.Evaluate([Backend], snapshot, strict: false)[0];

        Assert.Equal((CheckResult.Failed, "not scraped yet, and GET http://127.0.0.1:33865/metrics/: connection refused on 127.0.0.1:33865 (nothing listens there)"),
            (outcome.Result, outcome.Detail));
        Assert.Contains("compare port 33865 with the port the container listens on", outcome.Hint);
    }

    [Fact]
    public void A_service_of_the_core_network_that_this_machine_cannot_reach_is_a_warning_not_a_wrong_port()
    {
        var exporter = new ActiveTarget("node-exporter", "node-exporter:9100", "unknown", "", "http://node-exporter:9100/metrics");
        var problem = "GET http://core.ktrdr.lab:9100/metrics: connection refused on core.ktrdr.lab:9100 (nothing listens there)";

        var unreachable = TargetsEvaluator.Evaluate([new("node-exporter", "node-exporter:9100")],
            new ScrapeSnapshot([exporter], [OwnScrape.NoAnswer(exporter, problem)]), strict: false)[0];
        var worker = TargetsEvaluator.Evaluate([Backend], new ScrapeSnapshot([Pending], [OwnScrape.NoAnswer(Pending, problem)]), strict: false)[0];

        Assert.Equal((CheckResult.Warning, $"not reachable from this machine ({problem}); Prometheus' first scrape pending"), (unreachable.Result, unreachable.Detail));
        Assert.Equal(CheckResult.Failed, worker.Result);   // a dotted or IP host is reached as Prometheus reaches it: no answer is a failure
    }

    [Fact]
    public void With_strict_a_target_not_scraped_yet_fails_so_that_Verify_waits_for_Prometheus_own_scrape()
    {
        var snapshot = new ScrapeSnapshot([Pending], [OwnScrape.Answered(Pending, Exposition.Parse("up 1"))]);

        var outcome = TargetsEvaluator.Evaluate([Backend], snapshot, strict: true)[0];

        Assert.Equal((CheckResult.Failed, "health unknown: not scraped yet"), (outcome.Result, outcome.Detail));
        Assert.EndsWith("(--strict waits for its own scrape)", outcome.Hint);
    }

    [Fact]
    public void A_down_target_fails_whatever_Verify_could_fetch_itself()
    {
        var down = Pending with { Health = "down", LastError = "connection refused" };

        var outcome = TargetsEvaluator.Evaluate([Backend], new ScrapeSnapshot([down], []), strict: false)[0];

        Assert.Equal((CheckResult.Failed, "DOWN: connection refused"), (outcome.Result, outcome.Detail));
    }

    [Fact]
    public void An_answer_without_labels_says_where()
    {
        var json = JsonNode.Parse("{\"status\":\"success\",\"data\":{\"activeTargets\":[{\"health\":\"up\"}]}}");

        Assert.Equal("GET /api/v1/targets data.activeTargets[0].labels: expected a JSON object, found nothing",
            Assert.Throws<FormatException>(() => ActiveTarget.ParseList(json)).Message);
    }
}
