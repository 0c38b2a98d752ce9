using Ktrdr.Deploy.Rendering.Dashboards;

namespace Rendering.Tests;

public class PromQlTests
{
    [Theory]
    [InlineData("ktrdr_operations_active", "ktrdr_operations_active")]
    [InlineData("sum by (status) (rate(ktrdr_operations_total[5m]))", "ktrdr_operations_total")]
    [InlineData("histogram_quantile(0.95, sum by (le) (rate(ktrdr_operation_duration_seconds_bucket[$__rate_interval])))", "ktrdr_operation_duration_seconds_bucket")]
    [InlineData("up{job=~\"ktrdr-workers-.*|ktrdr-gpu\"} == 1", "up")]
    [InlineData("rate(process_cpu_seconds_total{job=\"ktrdr-backend\"}[1m]) * 100", "process_cpu_seconds_total")]
    [InlineData("count without (instance) (up) or vector(0)", "up")]
    public void Names_the_metrics_an_expression_reads(string expr, string metric) =>
        Assert.Equal([metric], PromQl.MetricNames(expr));

    [Fact]
    public void Names_both_sides_of_a_binary_expression()
    {
        var names = PromQl.MetricNames("ktrdr_workers_available / ignoring(type) ktrdr_workers_registered_total");
        Assert.Equal(["ktrdr_workers_available", "ktrdr_workers_registered_total"], names);
    }

    [Fact]
    public void Reads_job_matchers_and_matches_them_anchored()
    {
        var m = Assert.Single(PromQl.Matchers("sum(up{job=~\"ktrdr-workers-.*\", instance!=\"x\"})", "job"));
        Assert.Equal("=~", m.Op);
        Assert.True(m.Matches("ktrdr-workers-b"));
        Assert.False(m.Matches("old-ktrdr-workers-b"));
        Assert.False(new LabelMatcher("job", "=", "ktrdr-gpu-worker").Matches("ktrdr-gpu"));
    }
}
