using System.Net;
using System.Text.Json.Nodes;
using TestSupport;

namespace Verification.Tests.Support;

/// <summary>A scrape target as /api/v1/targets lists it: job, instance, health and the URL Prometheus scrapes.</summary>
public sealed record FakeTarget(string Job, string Instance, string Health, string ScrapeUrl);

/// <summary>
/// Prometheus' API as it answers right after it (re)started: /api/v1/targets lists the given targets (typically health
/// "unknown", not scraped yet), and every query is empty because nothing has been scraped. Deterministic, unlike a real
/// Prometheus whose first scrape comes at an offset of its own.
/// </summary>
public sealed class FakePrometheus(IReadOnlyList<FakeTarget> targets) : LoopbackJsonServer
{
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    protected override Task<(int Status, string Body)> AnswerAsync(HttpListenerRequest request) => Task.FromResult(request.Url!.AbsolutePath switch
    {
        "/api/v1/targets" => (200, Targets()),
        "/api/v1/query" => (200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}"),
        _ => (404, "404 page not found"),
    });

    private string Targets() => new JsonObject
    {
        ["status"] = "success",
        ["data"] = new JsonObject
        {
            ["activeTargets"] = new JsonArray(targets.Select(t => (JsonNode)new JsonObject
            {
                ["labels"] = new JsonObject { ["job"] = t.Job, ["instance"] = t.Instance },
                ["scrapeUrl"] = t.ScrapeUrl, ["lastError"] = "", ["health"] = t.Health,
            }).ToArray()),
        },
    }.ToJsonString();
}
