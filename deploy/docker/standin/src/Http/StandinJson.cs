using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Standin.Http;

/// <summary>JSON as the FastAPI application writes it: snake_case names, nulls kept.</summary>
public static class StandinJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IResult Ok(object value) => Results.Json(value, Options);

    public static IResult Status(int statusCode, object value) => Results.Json(value, Options, statusCode: statusCode);

    /// <summary>FastAPI's HTTPException body: <c>{"detail": "..."}</c>.</summary>
    public static IResult Detail(int statusCode, string detail) => Status(statusCode, new { detail });

    public static JsonElement EmptyObject { get; } = JsonDocument.Parse("{}").RootElement.Clone();
}
