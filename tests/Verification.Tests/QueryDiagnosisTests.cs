using System.Text.Json.Nodes;
using Ktrdr.Deploy.Verification;
using Ktrdr.Deploy.Verification.Evaluation;

namespace Verification.Tests;

/// <summary>Why a panel query is empty, decided from probes of the metrics it reads.</summary>
public class QueryDiagnosisTests
{
    private static readonly PanelQuery Panel = new("KTRDR Worker Status", "CPU per slot",
        "rate(process_cpu_seconds_total{job=~\"ktrdr-workers.*|ktrdr-gpu\"}[5m])", ["process_cpu_seconds_total"], ["job=~\"ktrdr-workers.*|ktrdr-gpu\""]);

    [Fact]
    public void A_metric_with_no_series_is_one_nothing_exposes()
    {
        var outcome = QueryDiagnosis.Empty(Panel, [new MetricProbe("process_cpu_seconds_total", [], 0)], ScrapeSnapshot.None, strict: false);

        Assert.Equal(("KTRDR Worker Status / CPU per slot", CheckResult.Failed), (outcome.Target, outcome.Result));
        Assert.StartsWith("the metric exists in the catalog but nothing exposes it yet", outcome.Hint);
    }

    [Fact]
    public void A_metric_scraped_only_under_other_jobs_is_a_job_label_mismatch()
    {
        var outcome = QueryDiagnosis.Empty(Panel, [new MetricProbe("process_cpu_seconds_total", ["ktrdr-backend", "ktrdr-gpu-worker"], 0)], ScrapeSnapshot.None, strict: false);

        Assert.Equal("no data: process_cpu_seconds_total is scraped under job ktrdr-backend, ktrdr-gpu-worker, the panel asks for job=~\"ktrdr-workers.*|ktrdr-gpu\"",
            outcome.Detail);
        Assert.StartsWith("job label mismatch", outcome.Hint);
    }

    [Fact]
    public void A_rate_panel_whose_metric_has_one_sample_warns_and_with_strict_fails_so_that_Verify_waits()
    {
        MetricProbe[] once = [new("process_cpu_seconds_total", ["ktrdr-gpu"], 1)];

        var outcome = QueryDiagnosis.Empty(Panel, once, ScrapeSnapshot.None, strict: false);
        var strict = QueryDiagnosis.Empty(Panel, once, ScrapeSnapshot.None, strict: true);

        Assert.Equal((CheckResult.Warning, "no data yet: process_cpu_seconds_total has been scraped only once"), (outcome.Result, outcome.Detail));
        Assert.StartsWith("rate() and increase() need two samples", outcome.Hint);
        Assert.Equal((CheckResult.Failed, outcome.Detail), (strict.Result, strict.Detail));
    }

    private static readonly ActiveTarget PendingGpu = new("ktrdr-gpu", "gpu.ktrdr.lab:5005", "unknown", "", "http://gpu.ktrdr.lab:5005/metrics/");

    private static ScrapeSnapshot GpuAnswered(string exposition) =>
        new([PendingGpu], [OwnScrape.Answered(PendingGpu, Exposition.Parse(exposition))]);

    [Fact]
    public void A_metric_with_no_series_that_a_pending_target_of_the_panels_jobs_exposes_warns_and_with_strict_fails()
    {
        MetricProbe[] absent = [new("process_cpu_seconds_total", [], 0)];
        var snapshot = GpuAnswered("process_cpu_seconds_total 3.5");

        var outcome = QueryDiagnosis.Empty(Panel, absent, snapshot, strict: false);

        Assert.Equal((CheckResult.Warning, "no data yet: process_cpu_seconds_total is exposed by ktrdr-gpu gpu.ktrdr.lab:5005, not scraped yet"),
            (outcome.Result, outcome.Detail));
        Assert.Equal(CheckResult.Failed, QueryDiagnosis.Empty(Panel, absent, snapshot, strict: true).Result);
    }

    [Fact]
    public void A_metric_no_pending_target_of_the_panels_jobs_exposes_still_fails_as_one_nothing_exposes()
    {
        var outcome = QueryDiagnosis.Empty(Panel, [new MetricProbe("process_cpu_seconds_total", [], 0)], GpuAnswered("ktrdr_other_total 1"), strict: false);
        var otherJob = QueryDiagnosis.Empty(Panel with { JobMatchers = ["job=\"ktrdr-backend\""] },
            [new MetricProbe("process_cpu_seconds_total", [], 0)], GpuAnswered("process_cpu_seconds_total 3.5"), strict: false);

        Assert.Equal((CheckResult.Failed, "no data: no series of process_cpu_seconds_total in Prometheus"), (outcome.Result, outcome.Detail));
        Assert.Equal(CheckResult.Failed, otherJob.Result);
    }

    [Fact]
    public void A_metric_scraped_so_far_only_under_other_jobs_while_a_panel_job_waits_for_its_first_scrape_warns()
    {
        var outcome = QueryDiagnosis.Empty(Panel, [new MetricProbe("process_cpu_seconds_total", ["ktrdr-backend"], 0)],
            GpuAnswered("process_cpu_seconds_total 3.5"), strict: false);

        Assert.Equal(CheckResult.Warning, outcome.Result);
    }

    [Fact]
    public void An_unexplained_metric_fails_even_when_another_one_only_waits_for_a_scrape()
    {
        var panel = Panel with { Metrics = ["process_cpu_seconds_total", "ktrdr_operations_queued"] };

        var outcome = QueryDiagnosis.Empty(panel, [new MetricProbe("process_cpu_seconds_total", [], 0), new MetricProbe("ktrdr_operations_queued", [], 0)],
            GpuAnswered("process_cpu_seconds_total 3.5"), strict: false);

        Assert.Equal((CheckResult.Failed, "no data: no series of ktrdr_operations_queued in Prometheus"), (outcome.Result, outcome.Detail));
    }

    [Fact]
    public void Metrics_that_are_there_leave_only_a_warning_about_the_other_filters()
    {
        var outcome = QueryDiagnosis.Empty(Panel, [new MetricProbe("process_cpu_seconds_total", ["ktrdr-gpu"], 12)], ScrapeSnapshot.None, strict: false);

        Assert.Equal(CheckResult.Warning, outcome.Result);
    }

    [Fact]
    public void A_query_reading_no_metric_fails_plainly()
    {
        Assert.Equal(CheckResult.Failed, QueryDiagnosis.Empty(Panel with { Metrics = [] }, [], ScrapeSnapshot.None, strict: false).Result);
    }

    [Theory]
    [InlineData("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}", 0)]
    [InlineData("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[1,\"3\"]},{\"metric\":{},\"value\":[1,\"4\"]}]}}", 2)]
    [InlineData("{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1,\"0\"]}}", 1)]
    public void Series_are_counted_from_the_query_answer(string answer, int series)
    {
        Assert.Equal(series, QueryDiagnosis.SeriesCount(JsonNode.Parse(answer)));
    }

    [Fact]
    public void The_probe_queries_keep_the_panels_job_matchers()
    {
        Assert.Equal("count by (job) ({__name__=\"up\"})", QueryDiagnosis.JobsQuery("up"));
        Assert.Equal("max(count_over_time({__name__=\"up\", job=\"ktrdr-backend\"}[5m]))", QueryDiagnosis.SamplesQuery("up", ["job=\"ktrdr-backend\""]));
        Assert.Equal(7, QueryDiagnosis.SingleValue(JsonNode.Parse("{\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[1,\"7\"]}]}}")));
    }
}
