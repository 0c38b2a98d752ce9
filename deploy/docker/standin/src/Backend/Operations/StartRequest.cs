using System.Text.Json;
using Standin.Http;

namespace Standin.Backend.Operations;

/// <summary>Validates the bodies of <c>POST /api/v1/backtests/start</c> and <c>/trainings/start</c>; every field given is passed to the worker.</summary>
public static class StartRequest
{
    public static (Dictionary<string, JsonElement>? Parameters, IReadOnlyList<ValidationIssue> Issues) ParseBacktest(JsonElement body) =>
        Parse(body, ["strategy_name", "start_date", "end_date"], ["symbol", "timeframe"]);

    public static (Dictionary<string, JsonElement>? Parameters, IReadOnlyList<ValidationIssue> Issues) ParseTraining(JsonElement body) =>
        Parse(body, ["strategy_name"], ["start_date", "end_date"]);

    private static (Dictionary<string, JsonElement>? Parameters, IReadOnlyList<ValidationIssue> Issues) Parse(
        JsonElement body, string[] required, string[] optional)
    {
        var fields = new FieldReader(body);
        foreach (var name in required)
        {
            fields.RequiredString(name);
        }
        foreach (var name in optional)
        {
            fields.OptionalString(name);
        }
        return fields.Issues.Count > 0 ? (null, fields.Issues) : (fields.Remaining(), []);
    }
}
