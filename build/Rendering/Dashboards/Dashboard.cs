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
        Walk(root, "(dashboard)", path, text, queries, uses);
        return new Dashboard(path, queries, uses);
    }

    private static void Walk(JsonNode? node, string panel, string path, string text, List<DashboardQuery> queries, List<DatasourceUse> uses)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["title"] is JsonValue t && t.TryGetValue<string>(out var title) && obj.ContainsKey("type")) panel = title;
                if (obj["expr"] is JsonValue e && e.TryGetValue<string>(out var expr) && expr.Length > 0)
                    queries.Add(new DashboardQuery(path, panel, expr, LineOf(text, JsonSerializer.Serialize(expr))));
                if (obj["datasource"] is JsonObject ds && ds["uid"] is JsonValue u && u.TryGetValue<string>(out var uid)
                    && !uid.StartsWith('$') && !uid.StartsWith("-- ", StringComparison.Ordinal) && uid != "grafana")
                    uses.Add(new DatasourceUse(path, uid, LineOf(text, $"\"{uid}\"")));
                foreach (var (_, child) in obj) Walk(child, panel, path, text, queries, uses);
                break;
            case JsonArray arr:
                foreach (var child in arr) Walk(child, panel, path, text, queries, uses);
                break;
        }
    }

    /// <summary>1-based line of the first occurrence of <paramref name="needle"/>, or 0 when not found.</summary>
    private static int LineOf(string text, string needle)
    {
        var i = text.IndexOf(needle, StringComparison.Ordinal);
        return i < 0 ? 0 : text.AsSpan(0, i).Count('\n') + 1;
    }
}
