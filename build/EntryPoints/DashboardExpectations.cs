using System.Text.Json;
using System.Text.Json.Nodes;
using Ktrdr.Deploy.Rendering.Bundles;
using Ktrdr.Deploy.Rendering.Dashboards;
using Ktrdr.Deploy.Topology;
using Ktrdr.Deploy.Verification;

namespace Ktrdr.Deploy.EntryPoints;

/// <summary>What the provisioned Grafana files promise: every panel query (plain PromQL), the dashboards by uid, and the datasource uids.</summary>
public sealed record DashboardExpectations(IReadOnlyList<PanelQuery> Queries, IReadOnlyList<ExpectedDashboard> Dashboards, IReadOnlyList<string> DatasourceUids)
{
    public static DashboardExpectations Read(DeploySources sources, List<Diagnostic> problems)
    {
        var provisioning = GrafanaProvisioning.From(sources, problems);
        var texts = sources.GrafanaFiles.ToDictionary(f => Path.Combine(sources.DeployRoot, "shared", f.Key), f => f.Value);
        var queries = new List<PanelQuery>();
        var dashboards = new List<ExpectedDashboard>();
        foreach (var dashboard in provisioning.Dashboards)
        {
            var identity = Identity(dashboard.Path, texts[dashboard.Path], problems);
            if (identity is null) continue;
            dashboards.Add(identity);
            queries.AddRange(dashboard.Queries.Select(q => new PanelQuery(identity.Title, q.Panel, PromQl.WithoutGrafanaVariables(q.Expr),
                PromQl.MetricNames(q.Expr), PromQl.Matchers(q.Expr, "job").Select(Text).ToList())));
        }
        return new DashboardExpectations(queries, dashboards, provisioning.DatasourceUids.Keys.Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>A job matcher as PromQL text, e.g. job=~"ktrdr-workers.*".</summary>
    public static string Text(LabelMatcher m) => $"{m.Label}{m.Op}\"{m.Value.Replace("\\", "\\\\").Replace("\"", "\\\"")}\"";

    private static ExpectedDashboard? Identity(string path, string text, List<Diagnostic> problems)
    {
        JsonNode? root;
        try { root = JsonNode.Parse(text); }
        catch (JsonException) { return null; } // Dashboard.Parse has reported it with its line
        var uid = root?["uid"] is JsonValue u && u.TryGetValue<string>(out var s) ? s : null;
        var title = root?["title"] is JsonValue t && t.TryGetValue<string>(out var x) ? x : Path.GetFileNameWithoutExtension(path);
        if (!string.IsNullOrEmpty(uid)) return new ExpectedDashboard(uid, title);
        problems.Add(new Diagnostic(path, 1, 1, "uid", "expected a fixed dashboard \"uid\", found none",
            "without one Grafana invents a uid at every provisioning, and Verify cannot find the dashboard: add \"uid\": \"ktrdr-<name>\""));
        return null;
    }
}
