using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ktrdr.Deploy.Verification;

/// <summary>The final result of every check, in plan order. Succeeded when no row failed (warnings and skips do not fail).</summary>
public sealed class VerifyReport(string environment, IReadOnlyList<ReportRow> rows, TimeSpan elapsed)
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // a file for people and tools, never embedded in HTML
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public string Environment => environment;

    public IReadOnlyList<ReportRow> Rows => rows;

    /// <summary>Wall time from the first request to the final report.</summary>
    public TimeSpan Elapsed => elapsed;

    public bool Succeeded => rows.All(r => r.Result != CheckResult.Failed);

    public IReadOnlyList<ReportRow> Failures => rows.Where(r => r.Result == CheckResult.Failed).ToList();

    public int Count(CheckResult result) => rows.Count(r => r.Result == result);

    public string ToJson() => JsonSerializer.Serialize(new
    {
        environment,
        succeeded = Succeeded,
        elapsedMs = (long)elapsed.TotalMilliseconds,
        counts = Enum.GetValues<CheckResult>().ToDictionary(r => r.ToString().ToLowerInvariant(), Count),
        rows = rows.Select(r => new { r.Check, r.Target, r.Result, r.Detail, r.Hint, elapsedMs = (long)r.Elapsed.TotalMilliseconds }),
    }, JsonOptions);

    /// <summary>Writes <see cref="ToJson"/> to the file, creating its folder.</summary>
    public void WriteJson(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, ToJson() + "\n");
    }
}
