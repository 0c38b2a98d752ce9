using Ktrdr.Deploy.Verification.Evaluation;

namespace Verification.Tests;

/// <summary>Reading a target's own /metrics answer (metric names only), and which pending target exposes a panel's metric.</summary>
public class ScrapeSnapshotTests
{
    private const string Body = """
        # HELP process_cpu_seconds_total Total user and system CPU time spent in seconds.
        # TYPE process_cpu_seconds_total counter
        process_cpu_seconds_total 1.25

        http_server_duration_milliseconds_bucket{http_method="GET",le="5.0"} 3
        http_server_duration_milliseconds_count{http_method="GET"} 3
        ktrdr:ratio 0.5
        """;

    private static readonly ActiveTarget Gpu = new("ktrdr-gpu", "gpu.ktrdr.lab:5005", "unknown", "", "http://gpu.ktrdr.lab:5005/metrics/");
    private static readonly ActiveTarget Backend = new("ktrdr-backend", "backend.ktrdr.lab:8000", "unknown", "", "http://backend.ktrdr.lab:8000/metrics/");

    [Fact]
    public void The_names_are_the_sample_lines_up_to_their_labels_or_value()
    {
        Assert.Equal(["http_server_duration_milliseconds_bucket", "http_server_duration_milliseconds_count", "ktrdr:ratio", "process_cpu_seconds_total"],
            Exposition.Parse(Body).Names.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("<html>\n<body>Welcome to nginx</body>", "line 1: expected a sample (metric name, labels, value), found \"<html>\"")]
    [InlineData("# TYPE up gauge\nup 1\n{\"status\":\"ok\"}", "line 3: expected a sample (metric name, labels, value), found \"{\"status\":\"ok\"}\"")]
    [InlineData("just_a_name", "line 1: expected a sample (metric name, labels, value), found \"just_a_name\"")]
    [InlineData("# HELP nothing\n\n", "no sample at all (an empty exposition)")]
    public void An_answer_that_is_not_an_exposition_names_its_first_wrong_line(string body, string message)
    {
        Assert.Equal(message, Assert.Throws<FormatException>(() => Exposition.Parse(body)).Message);
    }

    [Theory]
    [InlineData("ktrdr-gpu", true)]
    [InlineData("ktrdr-workers-b", true)]
    [InlineData("ktrdr-backend", false)]
    [InlineData("xktrdr-gpu", false)]
    public void A_regex_job_matcher_is_anchored_like_PromQL(string job, bool selected)
    {
        Assert.Equal(selected, JobMatchers.Select(["job=~\"ktrdr-workers.*|ktrdr-gpu\""], job));
    }

    [Fact]
    public void Equality_and_negated_job_matchers_and_none()
    {
        Assert.True(JobMatchers.Select(["job=\"ktrdr-backend\""], "ktrdr-backend"));
        Assert.False(JobMatchers.Select(["job!=\"ktrdr-backend\""], "ktrdr-backend"));
        Assert.False(JobMatchers.Select(["job!~\"ktrdr-.*\""], "ktrdr-gpu"));
        Assert.True(JobMatchers.Select([], "anything"));
    }

    [Fact]
    public void A_metric_is_exposed_while_pending_only_by_a_target_of_the_panels_jobs_that_answered_with_it()
    {
        var snapshot = new ScrapeSnapshot([Gpu, Backend],
            [OwnScrape.Answered(Gpu, Exposition.Parse(Body)), OwnScrape.Failed(Backend, "GET http://backend.ktrdr.lab:8000/metrics/: connection refused")]);

        Assert.Equal(Gpu, snapshot.ExposedWhilePending("process_cpu_seconds_total", ["job=~\"ktrdr-workers.*|ktrdr-gpu\""]));
        Assert.Null(snapshot.ExposedWhilePending("process_cpu_seconds_total", ["job=\"ktrdr-backend\""]));   // its answer failed
        Assert.Null(snapshot.ExposedWhilePending("ktrdr_operations_queued", []));                           // nobody exposes it
        Assert.Equal(Gpu, snapshot.ExposedWhilePending("up", ["job=\"ktrdr-gpu\""]));                        // Prometheus writes it per scrape
        Assert.Null(ScrapeSnapshot.None.ExposedWhilePending("up", []));
    }

    [Theory]
    [InlineData("http://workers-b.ktrdr.lab:5003/metrics/", "http://workers-b.ktrdr.lab:5003/metrics/")]
    [InlineData("http://127.0.0.1:33865/metrics/", "http://127.0.0.1:33865/metrics/")]
    [InlineData("http://backend:8000/metrics/", "http://core.ktrdr.lab:8000/metrics/")]
    [InlineData("http://localhost:9090/metrics", "http://core.ktrdr.lab:9090/metrics")]
    public void A_service_name_of_the_core_network_is_fetched_at_Prometheus_host(string scrapeUrl, string fetched)
    {
        Assert.Equal(new Uri(fetched), OwnScrape.Reachable(scrapeUrl, new Uri("http://core.ktrdr.lab:9090")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/metrics/")]
    [InlineData("ftp://backend:8000/metrics/")]
    public void No_usable_scrape_url_is_none(string scrapeUrl)
    {
        Assert.Null(OwnScrape.Reachable(scrapeUrl, new Uri("http://core.ktrdr.lab:9090")));
    }
}
