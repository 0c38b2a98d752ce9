using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ktrdr.Deploy.Verification.Evaluation;

/// <summary>Reads fields of an answer, saying which field of which answer did not have the expected shape.</summary>
internal static class JsonShape
{
    public static JsonArray Array(JsonNode? node, string what) =>
        node as JsonArray ?? throw new FormatException($"{what}: expected a JSON list, found {Kind(node)}");

    public static JsonObject Object(JsonNode? node, string what) =>
        node as JsonObject ?? throw new FormatException($"{what}: expected a JSON object, found {Kind(node)}");

    public static string String(JsonNode? node, string field, string what) =>
        TryString(node?[field]) ?? throw new FormatException($"{what}: expected a string in \"{field}\", found {Kind(node?[field])}");

    public static string? OptionalString(JsonNode? node, string field) => TryString(node?[field]);

    public static bool Flag(JsonNode? node, string field) =>
        node?[field] is JsonValue v && v.GetValueKind() == JsonValueKind.True;

    private static string? TryString(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static string Kind(JsonNode? node) => node switch
    {
        null => "nothing",
        JsonArray => "a list",
        JsonObject => "an object",
        _ => node.GetValueKind().ToString().ToLowerInvariant() + $" {node.ToJsonString()}",
    };
}
