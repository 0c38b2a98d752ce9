using System.Text.Json;

namespace Standin.Http;

/// <summary>Reads a request body as a JSON object, answering like FastAPI when it is not one.</summary>
public static class JsonBody
{
    public sealed record Outcome(JsonElement Root, IReadOnlyList<ValidationIssue> Issues)
    {
        public bool IsValid => Issues.Count == 0;
    }

    public static async Task<Outcome> ReadObjectAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
            var root = document.RootElement.Clone();
            if (root.ValueKind == JsonValueKind.Object)
            {
                return new Outcome(root, []);
            }
            return new Outcome(root, [new ValidationIssue("model_attributes_type", ["body"],
                "Input should be a valid dictionary or object to extract fields from", root)]);
        }
        catch (JsonException e)
        {
            var position = (object)(e.BytePositionInLine ?? 0);
            return new Outcome(StandinJson.EmptyObject, [new ValidationIssue("json_invalid", ["body", position],
                "JSON decode error", StandinJson.EmptyObject, new Dictionary<string, string> { ["error"] = e.Message })]);
        }
    }
}
