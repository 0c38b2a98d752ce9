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
        var outcome = QueryDiagnosis.Empty(Panel, [new MetricProbe("process_cpu_seconds_total", [], 0)]);

        Assert.Equal(("KTRDR Worker Status / CPU per slot", CheckResult.Failed), (outcome.Target, outcome.Result));
        Assert.StartsWith("the metric exists in the catalog but nothing exposes it yet", outcome.Hint);
    }

    [Fact]
    public void A_metric_scraped_only_under_other_jobs_is_a_job_label_mismatch()
    {
        var outcome = QueryDiagnosis.Empty(Panel, [new MetricProbe("process_cpu_seconds_total", ["ktrdr-backend", "ktrdr-gpu-worker"], 0)]);

        Assert.Equal("no data: process_cpu_seconds_total is scraped under job ktrdr-backend, ktrdr-gpu-worker, the panel asks for job=~\"ktrdr-workers.*|ktrdr-gpu\"",
            outcome.Detail);
        Assert.StartsWith("job label mismatch", outcome.Hint);
    }

    [Fact]
    public void A_metric_scraped_once_fails_so_that_it_is_asked_again_after_the_next_scrape()
    {
        var outcome = QueryDiagnosis.Empty(Panel, [new MetricProbe("process_cpu_seconds_total", ["ktrdr-gpu"], 1)]);

        Assert.Equal((CheckResult.Failed, "no data yet: process_cpu_seconds_total has been scraped only once"), (outcome.Result, outcome.Detail));
    }

    [Fact]
    public void Metrics_that_are_there_leave_only_a_warning_about_the_other_filters()
    {
        var outcome = QueryDiagnosis.Empty(Panel, [new MetricProbe("process_cpu_seconds_total", ["ktrdr-gpu"], 12)]);

        Assert.Equal(CheckResult.Warning, outcome.Result);
    }

    [Fact]
    public void A_query_reading_no_metric_fails_plainly()
    {
        Assert.Equal(CheckResult.Failed, QueryDiagnosis.Empty(Panel with { Metrics = [] }, []).Result);
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
