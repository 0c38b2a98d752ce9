using System.Text.Json;
using System.Text.Json.Serialization;

namespace Standin.Backend.Workers;

/// <summary>One registered worker, serialized exactly like the real registry's <c>to_dict()</c>.</summary>
public sealed record WorkerRecord(
    string WorkerId,
    string WorkerType,
    string EndpointUrl,
    string Status,
    string? CurrentOperationId,
    IReadOnlyDictionary<string, JsonElement> Capabilities,
    DateTimeOffset? LastHealthCheck,
    DateTimeOffset? LastHealthyAt,
    int HealthCheckFailures,
    IReadOnlyDictionary<string, string> Metadata)
{
    [JsonIgnore]
    public DateTimeOffset RegisteredAt { get; init; }

    [JsonIgnore]
    public bool HasGpu => Capabilities.TryGetValue("gpu", out var gpu) && gpu.ValueKind == JsonValueKind.True;
}
