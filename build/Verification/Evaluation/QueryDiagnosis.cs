using System.Text.Json.Nodes;

namespace Ktrdr.Deploy.Verification.Evaluation;

/// <summary>
/// What Prometheus holds for one metric a panel reads: the jobs it is scraped under, and the most samples one of its
/// series has in the last 5 minutes under the panel's job matchers (0: the matchers select none of its series).
/// </summary>
internal sealed record MetricProbe(string Metric, IReadOnlyList<string> Jobs, int Samples)
{
    public bool MatchesPanelJobs => Samples > 0;
}

/// <summary>
/// Turns a panel query's answer into an outcome. An empty answer is explained from probes of the metrics it reads:
/// a metric with no series at all (catalogued but nothing exposes it), or one scraped under other jobs than the
/// panel filters on (job label mismatch): failures, unless a target of the panel's jobs that Prometheus has not scraped
/// yet exposes it (Verify fetched its scrape URL: <see cref="ScrapeSnapshot"/>). That, and a metric scraped only once so
/// far (rate() needs two samples), are warnings: the panel is wired right and fills at the next scrapes; with --strict
/// they fail, so Verify waits. When all are fine, the panel's other filters select nothing yet (no 5xx responses): a warning.
/// </summary>
internal static class QueryDiagnosis
{
    /// <summary>Number of series (vector, matrix) or 1 for a scalar/string result, from a GET /api/v1/query answer.</summary>
    public static int SeriesCount(JsonNode? json)
    {
        const string what = "GET /api/v1/query";
        var data = JsonShape.Object(JsonShape.Object(json, what)["data"], $"{what} data");
        var type = JsonShape.String(data, "resultType", $"{what} data");
        return type is "scalar" or "string" ? 1 : JsonShape.Array(data["result"], $"{what} data.result").Count;
    }

    public static CheckOutcome WithData(PanelQuery query, int series) =>
        CheckOutcome.Pass(query.Target, $"{series} series");

    public static CheckOutcome Empty(PanelQuery query, IReadOnlyList<MetricProbe> probes, ScrapeSnapshot snapshot, bool strict)
    {
        var unscraped = probes.Where(p => !p.MatchesPanelJobs).DistinctBy(p => p.Metric).ToDictionary(p => p.Metric, p => snapshot.ExposedWhilePending(p.Metric, query.JobMatchers));
        var absent = probes.FirstOrDefault(p => p.Jobs.Count == 0 && unscraped[p.Metric] is null);
        if (absent is not null)
            return CheckOutcome.Fail(query.Target, $"no data: no series of {absent.Metric} in Prometheus",
                $"the metric exists in the catalog but nothing exposes it yet: is the service that exports {absent.Metric} scraped and up? " +
                "If the application does not export it, remove it from the dashboard and the catalog");
        var mismatch = probes.FirstOrDefault(p => !p.MatchesPanelJobs && unscraped[p.Metric] is null);
        if (mismatch is not null)
            return CheckOutcome.Fail(query.Target,
                $"no data: {mismatch.Metric} is scraped under job {string.Join(", ", mismatch.Jobs)}, the panel asks for {string.Join(", ", query.JobMatchers)}",
                "job label mismatch: make the panel's job matcher match the job names prometheus.yml defines (ktrdr-backend, ktrdr-<node>)");
        if (unscraped.FirstOrDefault(u => u.Value is not null) is { Value: { } exposer } pending)
            return Pending(query, $"no data yet: {pending.Key} is exposed by {exposer}, not scraped yet",
                "Prometheus scrapes every 15 s and has not scraped that target since it (re)started; Verify found the metric in the target's own answer", strict);
        var young = probes.FirstOrDefault(p => p.Samples < 2);
        if (young is not null)
            return Pending(query, $"no data yet: {young.Metric} has been scraped only once",
                "rate() and increase() need two samples: the window fills at Prometheus' next scrape (every 15 s)", strict);
        if (probes.Count == 0)
            return CheckOutcome.Fail(query.Target, "no data", "the query reads no metric Verify can probe; run it in Prometheus' UI to see why it is empty");
        return CheckOutcome.Warn(query.Target, "no data right now, though every metric it reads is scraped under the jobs it asks for",
            "its other label filters select nothing yet (e.g. no 5xx responses, no finished operation): the panel is wired right");
    }

    /// <summary>Data that comes with Prometheus' next scrapes: a warning, or with --strict a failure, so Verify waits for it.</summary>
    private static CheckOutcome Pending(PanelQuery query, string detail, string why, bool strict) => strict
        ? CheckOutcome.Fail(query.Target, detail, why + "; --strict waits for it until Verify's deadline")
        : CheckOutcome.Warn(query.Target, detail, why + "; --strict waits for it");

    /// <summary>The PromQL that lists the jobs a metric is scraped under.</summary>
    public static string JobsQuery(string metric) => $"count by (job) ({{__name__=\"{metric}\"}})";

    /// <summary>The PromQL giving the most samples (last 5 min) of the metric's series under the panel's job matchers.</summary>
    public static string SamplesQuery(string metric, IReadOnlyList<string> jobMatchers) =>
        $"max(count_over_time({{__name__=\"{metric}\"{string.Concat(jobMatchers.Select(m => ", " + m))}}}[5m]))";

    /// <summary>The single value of an instant query's vector answer, or 0 when it is empty.</summary>
    public static int SingleValue(JsonNode? json)
    {
        var result = JsonShape.Array(json?["data"]?["result"], "GET /api/v1/query data.result");
        if (result.Count == 0) return 0;
        var value = JsonShape.Array(result[0]?["value"], "GET /api/v1/query data.result[0].value")[1]?.GetValue<string>() ?? "0";
        return double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var number) ? (int)number : 0;
    }
}
