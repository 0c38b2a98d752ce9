using System.Text.Json;
using System.Text.Json.Nodes;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Rendering.Dashboards;

/// <summary>A PromQL expression found in a dashboard, with the panel it belongs to and its line.</summary>
public sealed record DashboardQuery(string Dashboard, string Panel, string Expr, int Line);

/// <summary>A datasource reference (uid) found in a dashboard.</summary>
public sealed record DatasourceUse(string Dashboard, string Uid, int Line);

/// <summary>The parts of Grafana dashboard JSON the checks read: queries and datasource uids.</summary>
public sealed record Dashboard(string Path, IReadOnlyList<DashboardQuery> Queries, IReadOnlyList<DatasourceUse> Datasources)
{
    public static Dashboard Parse(string path, string text, List<Diagnostic> problems)
    {
        var queries = new List<DashboardQuery>();
        var uses = new List<DatasourceUse>();
        JsonNode? root;
        try { root = JsonNode.Parse(text); }
        catch (JsonException e)
        {
            problems.Add(new Diagnostic(path, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1, "",
                $"this is not valid JSON: {e.Message.Split(" LineNumber")[0]}", "export the dashboard again from Grafana or fix the syntax"));
            return new Dashboard(path, queries, uses);
        }
        var lines = new JsonPropertyLines(text);
        if (ShapeProblem(path, root, lines) is { } shape)
        {
            problems.Add(shape);
            return new Dashboard(path, queries, uses);
        }
        new Walker(path, lines, queries, uses).Walk(root, "(dashboard)");
        return new Dashboard(path, queries, uses);
    }

    /// <summary>A dashboard is an object whose <c>panels</c>, when present, is a list: Grafana skips anything else silently.</summary>
    private static Diagnostic? ShapeProblem(string path, JsonNode? root, JsonPropertyLines lines)
    {
        if (root is not JsonObject dashboard)
            return new Diagnostic(path, 1, 1, "", $"expected a dashboard (a JSON object with title and panels), found {Describe(root)}",
                "export the dashboard from Grafana (Share → Export → Save to file), or remove the file");
        if (dashboard["panels"] is { } panels and not JsonArray)
            return new Diagnostic(path, lines.Next("panels"), 1, "panels",
                $"expected a list of panels, found {Describe(panels)}", "write \"panels\": [ { ... }, ... ] as Grafana exports it");
        return null;
    }

    private static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray a => a.Count == 0 ? "an empty list ([])" : "a list",
        JsonObject => "an object",
        _ => $"the value {node.ToJsonString()}",
    };

    /// <summary>Walks the JSON in document order, taking each "expr" and "uid" property's line as it passes it.</summary>
    private sealed class Walker(string path, JsonPropertyLines lines, List<DashboardQuery> queries, List<DatasourceUse> uses)
    {
        public void Walk(JsonNode? node, string panel, bool isDatasource = false)
        {
            switch (node)
            {
                case JsonObject obj:
                    if (obj["title"] is JsonValue t && t.TryGetValue<string>(out var title) && obj.ContainsKey("type")) panel = title;
                    foreach (var (key, child) in obj)
                    {
                        var line = key is "expr" or "uid" ? lines.Next(key) : 0;
                        if (key == "expr" && child is JsonValue e && e.TryGetValue<string>(out var expr) && expr.Length > 0)
                            queries.Add(new DashboardQuery(path, panel, expr, line));
                        else if (key == "uid" && isDatasource && child is JsonValue u && u.TryGetValue<string>(out var uid)
                                 && !uid.StartsWith('$') && !uid.StartsWith("-- ", StringComparison.Ordinal) && uid != "grafana")
                            uses.Add(new DatasourceUse(path, uid, line));
                        else
                            Walk(child, panel, key == "datasource");
                    }
                    break;
                case JsonArray arr:
                    foreach (var child in arr) Walk(child, panel);
                    break;
            }
        }
    }
}
