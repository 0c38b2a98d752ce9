using System.Text.Json;
using System.Text.Json.Nodes;
using Ktrdr.Deploy.Verification.Evaluation;
using Ktrdr.Deploy.Verification.Http;

namespace Ktrdr.Deploy.Verification.Checks;

/// <summary>
/// A dashboard panel's query returns data from Prometheus (GET /api/v1/query). When it returns nothing, the metrics it
/// reads are probed so the report says why (<see cref="QueryDiagnosis"/>); a metric with no series under the panel's jobs
/// is looked up in the latest <see cref="ScrapeSnapshot"/> (the targets check's), in case only Prometheus' first scrape is missing.
/// </summary>
internal sealed class DashboardQueryCheck(Uri prometheus, PanelQuery query, PrometheusScrapes scrapes, bool strict) : IVerifyCheck
{
    public string Name => "dashboard query";

    public async Task<IReadOnlyList<CheckOutcome>> RunAsync(VerifyHttp http, CancellationToken ct)
    {
        var (answer, json) = await QueryAsync(http, query.Expr, ct);
        if (json is null) return [Failed(answer)];
        try
        {
            var series = QueryDiagnosis.SeriesCount(json);
            if (series > 0) return [QueryDiagnosis.WithData(query, series)];
            var probes = new List<MetricProbe>();
            foreach (var metric in query.Metrics)
            {
                var probe = await ProbeAsync(http, metric, ct);
                if (probe is null) return [Failed(answer)];
                probes.Add(probe);
            }
            var snapshot = probes.All(p => p.MatchesPanelJobs) ? ScrapeSnapshot.None : (await scrapes.LatestAsync(http, ct)).Snapshot;
            return [QueryDiagnosis.Empty(query, probes, snapshot, strict)];
        }
        catch (FormatException e)
        {
            return [CheckOutcome.Fail(query.Target, e.Message, Hints.ForAnswer(answer, "Prometheus"))];
        }
    }

    private async Task<MetricProbe?> ProbeAsync(VerifyHttp http, string metric, CancellationToken ct)
    {
        var (_, jobsJson) = await QueryAsync(http, QueryDiagnosis.JobsQuery(metric), ct);
        if (jobsJson is null) return null;
        var jobs = JsonShape.Array(jobsJson["data"]?["result"], "GET /api/v1/query data.result")
            .Select(r => JsonShape.OptionalString(r?["metric"], "job") ?? "(no job)").Order(StringComparer.Ordinal).ToList();
        if (jobs.Count == 0) return new MetricProbe(metric, jobs, 0);
        var (_, samplesJson) = await QueryAsync(http, QueryDiagnosis.SamplesQuery(metric, query.JobMatchers), ct);
        return samplesJson is null ? null : new MetricProbe(metric, jobs, QueryDiagnosis.SingleValue(samplesJson));
    }

    private async Task<(HttpAnswer Answer, JsonNode? Json)> QueryAsync(VerifyHttp http, string expr, CancellationToken ct)
    {
        var answer = await http.GetAsync(new Uri(prometheus, "/api/v1/query?query=" + Uri.EscapeDataString(expr)), ct);
        return (answer, answer.TryJson(out var json, out _) ? json : null);
    }

    private CheckOutcome Failed(HttpAnswer answer)
    {
        var rejected = answer.Status is 400 or 422 ? PrometheusError(answer.Body) : null;
        if (rejected is not null)
            return CheckOutcome.Fail(query.Target, $"Prometheus rejected the query: {rejected}",
                $"the panel's PromQL is not valid once Grafana variables are replaced: {query.Expr}");
        answer.TryJson(out _, out var problem);
        return CheckOutcome.Fail(query.Target, problem, Hints.ForAnswer(answer, "Prometheus"));
    }

    private static string? PrometheusError(string body)
    {
        try { return JsonNode.Parse(body)?["error"]?.GetValue<string>(); }
        catch (Exception e) when (e is JsonException or InvalidOperationException) { return null; }
    }
}
