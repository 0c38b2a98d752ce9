using System.Text.Json.Nodes;

namespace Ktrdr.Deploy.Verification.Evaluation;

/// <summary>A worker record as the backend's GET /api/v1/workers lists it (the fields Verify reads).</summary>
internal sealed record RegisteredWorker(string Id, string Type, string Endpoint, string Status, bool Gpu)
{
    public const string Available = "available";

    /// <summary>Reads the bare JSON list the backend answers. Throws <see cref="FormatException"/> naming the bad field.</summary>
    public static IReadOnlyList<RegisteredWorker> ParseList(JsonNode? json)
    {
        const string what = "GET /api/v1/workers";
        return JsonShape.Array(json, what).Select((item, i) =>
        {
            var at = $"{what}[{i}]";
            var record = JsonShape.Object(item, at);
            var capabilities = record["capabilities"] as JsonObject;
            return new RegisteredWorker(
                JsonShape.String(record, "worker_id", at),
                JsonShape.String(record, "worker_type", at),
                JsonShape.OptionalString(record, "endpoint_url") ?? "",
                JsonShape.String(record, "status", at),
                JsonShape.Flag(capabilities, "gpu"));
        }).ToList();
    }
}
