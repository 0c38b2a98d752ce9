using Ktrdr.Deploy.Verification;
using Ktrdr.Deploy.Verification.Checks;
using Standin.Tests.Support;
using Verification.Tests.Support;

namespace Verification.Tests;

/// <summary>
/// Right after a deploy Prometheus has not scraped the (re)started targets yet: Verify fetches their scrape URLs itself
/// (a real stand-in backend's /metrics/, a port nothing listens on) instead of waiting, unless --strict.
/// </summary>
public class FirstScrapeTests
{
    private static readonly PanelQuery Cpu = new("KTRDR System Overview", "Backend CPU",
        "rate(process_cpu_seconds_total{job=\"ktrdr-backend\"}[5m])", ["process_cpu_seconds_total"], ["job=\"ktrdr-backend\""]);

    private static readonly PanelQuery NotExposed = new("KTRDR Operations", "Queue depth",
        "sum(ktrdr_operations_queued{job=\"ktrdr-backend\"})", ["ktrdr_operations_queued"], ["job=\"ktrdr-backend\""]);

    private static async Task<IReadOnlyList<CheckOutcome>> RunAsync(FakePrometheus prometheus, bool strict, params PanelQuery[] queries)
    {
        var scrapes = new PrometheusScrapes(prometheus.BaseAddress);
        var outcomes = new List<CheckOutcome>(await CheckRun.AllAsync(new PrometheusTargetsCheck(scrapes,
            [new ExpectedTarget("ktrdr-backend", "backend:8000"), new ExpectedTarget("ktrdr-gpu", "gpu:5005")], strict)));
        foreach (var query in queries) outcomes.AddRange(await CheckRun.AllAsync(new DashboardQueryCheck(prometheus.BaseAddress, query, scrapes, strict)));
        return outcomes;
    }

    [Fact]
    public async Task A_target_answering_metrics_warns_one_that_does_not_answer_fails_and_a_panel_warns_only_for_a_metric_it_exposes()
    {
        await using var backend = await Standins.BackendAsync();
        var closed = FreePort.Next();
        using var prometheus = new FakePrometheus([
            new("ktrdr-backend", "backend:8000", "unknown", new Uri(backend.BaseAddress, "/metrics/").ToString()),
            new("ktrdr-gpu", "gpu:5005", "unknown", $"http://127.0.0.1:{closed}/metrics/")]);

        var outcomes = await RunAsync(prometheus, strict: false, Cpu, NotExposed);

        Assert.Equal(CheckResult.Warning, outcomes[0].Result);
        Assert.EndsWith("(Prometheus' first scrape pending)", outcomes[0].Detail);
        Assert.Equal(CheckResult.Failed, outcomes[1].Result);
        Assert.Contains($"connection refused on 127.0.0.1:{closed}", outcomes[1].Detail);
        Assert.Contains("compare port 5005 with the port the container listens on", outcomes[1].Hint);
        Assert.Equal((CheckResult.Warning, "no data yet: process_cpu_seconds_total is exposed by ktrdr-backend backend:8000, not scraped yet"),
            (outcomes[2].Result, outcomes[2].Detail));
        Assert.Equal((CheckResult.Failed, "no data: no series of ktrdr_operations_queued in Prometheus"), (outcomes[3].Result, outcomes[3].Detail));
    }

    [Fact]
    public async Task With_strict_targets_and_panels_waiting_for_the_first_scrape_fail_so_that_Verify_waits()
    {
        await using var backend = await Standins.BackendAsync();
        using var prometheus = new FakePrometheus([
            new("ktrdr-backend", "backend:8000", "unknown", new Uri(backend.BaseAddress, "/metrics/").ToString()),
            new("ktrdr-gpu", "gpu:5005", "unknown", new Uri(backend.BaseAddress, "/metrics/").ToString())]);

        var outcomes = await RunAsync(prometheus, strict: true, Cpu);

        Assert.All(outcomes, o => Assert.Equal(CheckResult.Failed, o.Result));
        Assert.Equal("health unknown: not scraped yet", outcomes[0].Detail);
        Assert.Equal("no data yet: process_cpu_seconds_total is exposed by ktrdr-backend backend:8000, not scraped yet", outcomes[2].Detail);
    }
}
