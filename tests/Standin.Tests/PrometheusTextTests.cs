using Standin.Metrics;

namespace Standin.Tests;

public class PrometheusTextTests
{
    [Fact]
    public void A_histogram_writes_cumulative_buckets_sum_and_count_per_label_set()
    {
        var histogram = new Histogram("job_seconds", "How long.", [1, 5]);
        var labels = Labels.Of(("kind", "a\"b"));
        histogram.Observe(0.5, labels);
        histogram.Observe(3, labels);
        histogram.Observe(9, labels);
        var writer = new PrometheusTextWriter();

        histogram.WriteTo(writer);

        Assert.Equal(
            "# HELP job_seconds How long.\n# TYPE job_seconds histogram\n" +
            "job_seconds_bucket{kind=\"a\\\"b\",le=\"1\"} 1\n" +
            "job_seconds_bucket{kind=\"a\\\"b\",le=\"5\"} 2\n" +
            "job_seconds_bucket{kind=\"a\\\"b\",le=\"+Inf\"} 3\n" +
            "job_seconds_sum{kind=\"a\\\"b\"} 12.5\n" +
            "job_seconds_count{kind=\"a\\\"b\"} 3\n",
            writer.ToString());
    }
}
