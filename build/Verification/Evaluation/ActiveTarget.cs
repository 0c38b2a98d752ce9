using System.Text.Json.Nodes;

namespace Ktrdr.Deploy.Verification.Evaluation;

/// <summary>One of Prometheus' active targets (GET /api/v1/targets → data.activeTargets[]).</summary>
internal sealed record ActiveTarget(string Job, string Instance, string Health, string LastError, string ScrapeUrl)
{
    /// <summary>Discovered but never scraped: Prometheus (re)loaded its configuration since its last scrape (health unknown, no error).</summary>
    public bool NotScrapedYet => Health == "unknown" && LastError.Length == 0;

    /// <summary>Its last scrape found nothing listening (a container that was still starting when Prometheus came by, or one that is gone).</summary>
    public bool Refused => Health == "down" && LastError.Contains("connection refused", StringComparison.OrdinalIgnoreCase);

    /// <summary>Not scraped with success yet in a way Verify's own fetch can settle: never scraped, or refused.</summary>
    public bool AwaitsScrape => NotScrapedYet || Refused;

    public override string ToString() => $"{Job} {Instance}";

    public static IReadOnlyList<ActiveTarget> ParseList(JsonNode? json)
    {
        const string what = "GET /api/v1/targets";
        var data = JsonShape.Object(JsonShape.Object(json, what)["data"], $"{what} data");
        return JsonShape.Array(data["activeTargets"], $"{what} data.activeTargets").Select((item, i) =>
        {
            var at = $"{what} data.activeTargets[{i}]";
            var labels = JsonShape.Object(JsonShape.Object(item, at)["labels"], $"{at}.labels");
            return new ActiveTarget(
                JsonShape.String(labels, "job", $"{at}.labels"),
                JsonShape.String(labels, "instance", $"{at}.labels"),
                JsonShape.String(item, "health", at),
                JsonShape.OptionalString(item, "lastError") ?? "",
                JsonShape.OptionalString(item, "scrapeUrl") ?? "");
        }).ToList();
    }
}
