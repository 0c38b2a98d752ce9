using System.Text.Json.Serialization;

namespace Standin.Http;

/// <summary>One entry of FastAPI's 422 answer, e.g. <c>{"type":"missing","loc":["body","worker_id"],"msg":"Field required"}</c>.</summary>
public sealed record ValidationIssue(
    string Type,
    IReadOnlyList<object> Loc,
    string Msg,
    object? Input,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? Ctx = null)
{
    public static IResult Respond(IReadOnlyList<ValidationIssue> issues) =>
        StandinJson.Status(StatusCodes.Status422UnprocessableEntity, new { detail = issues });

    public static string ExpectedText(IReadOnlyList<string> allowed) =>
        allowed.Count == 1
            ? $"'{allowed[0]}'"
            : string.Join(", ", allowed.Take(allowed.Count - 1).Select(a => $"'{a}'")) + $" or '{allowed[^1]}'";

    public static ValidationIssue Enum(IReadOnlyList<object> loc, IReadOnlyList<string> allowed, object? input)
    {
        var expected = ExpectedText(allowed);
        return new ValidationIssue("enum", loc, $"Input should be {expected}", input,
            new Dictionary<string, string> { ["expected"] = expected });
    }
}
