using System.Text.Json.Nodes;

namespace Ktrdr.Deploy.Verification.Evaluation;

/// <summary>A rule as Prometheus evaluates it (GET /api/v1/rules → data.groups[].rules[]).</summary>
internal sealed record LoadedRule(string Name, string Health, string LastError);

/// <summary>A rule group Prometheus has loaded, with its rules' health.</summary>
internal sealed record RuleGroup(string Name, string File, IReadOnlyList<LoadedRule> Rules)
{
    public static IReadOnlyList<RuleGroup> ParseList(JsonNode? json)
    {
        const string what = "GET /api/v1/rules";
        var data = JsonShape.Object(JsonShape.Object(json, what)["data"], $"{what} data");
        return JsonShape.Array(data["groups"], $"{what} data.groups").Select((g, i) =>
        {
            var at = $"{what} data.groups[{i}]";
            var rules = JsonShape.Array(JsonShape.Object(g, at)["rules"], $"{at}.rules").Select((r, j) => new LoadedRule(
                JsonShape.String(r, "name", $"{at}.rules[{j}]"), JsonShape.String(r, "health", $"{at}.rules[{j}]"),
                JsonShape.OptionalString(r, "lastError") ?? "")).ToList();
            return new RuleGroup(JsonShape.String(g, "name", at), JsonShape.OptionalString(g, "file") ?? "", rules);
        }).ToList();
    }
}

/// <summary>An alert Prometheus holds now (GET /api/v1/alerts → data.alerts[]): its labels, state and summary.</summary>
internal sealed record ActiveAlert(IReadOnlyDictionary<string, string> Labels, string State, string Summary)
{
    public string Name => Labels.GetValueOrDefault("alertname", "?");

    /// <summary>"KtrdrTargetDown node=workers-b slot=backtest-worker-1": the name and the labels that say where.</summary>
    public string Where => string.Join(" ", new[] { Name }.Concat(new[] { "node", "slot", "worker_type", "job" }
        .Where(Labels.ContainsKey).Select(k => $"{k}={Labels[k]}")));

    public static IReadOnlyList<ActiveAlert> ParseList(JsonNode? json)
    {
        const string what = "GET /api/v1/alerts";
        var data = JsonShape.Object(JsonShape.Object(json, what)["data"], $"{what} data");
        return JsonShape.Array(data["alerts"], $"{what} data.alerts").Select((a, i) =>
        {
            var at = $"{what} data.alerts[{i}]";
            var labels = JsonShape.Object(JsonShape.Object(a, at)["labels"], $"{at}.labels")
                .ToDictionary(kv => kv.Key, kv => kv.Value?.GetValue<string>() ?? "");
            return new ActiveAlert(labels, JsonShape.String(a, "state", at), JsonShape.OptionalString(a!["annotations"], "summary") ?? "");
        }).ToList();
    }
}
