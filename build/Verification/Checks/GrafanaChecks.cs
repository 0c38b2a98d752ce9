using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Ktrdr.Deploy.Verification.Evaluation;
using Ktrdr.Deploy.Verification.Http;

namespace Ktrdr.Deploy.Verification.Checks;

/// <summary>GET /api/health: Grafana answers and its database is ok (no login needed).</summary>
internal sealed class GrafanaHealthCheck(GrafanaPlan plan)
    : JsonCheck("grafana health", "Grafana", new Uri(plan.Url, "/api/health"), Hints.HostPort(plan.Url))
{
    protected override IReadOnlyList<CheckOutcome> Judge(JsonNode json)
    {
        var database = JsonShape.OptionalString(json, "database");
        var version = JsonShape.OptionalString(json, "version") ?? "unknown";
        return database == "ok"
            ? [CheckOutcome.Pass(Hints.HostPort(plan.Url), $"database ok, version {version}")]
            : [CheckOutcome.Fail(Hints.HostPort(plan.Url), $"database {database ?? "missing"}, expected ok",
                "Grafana cannot use its database: check the grafana_data volume and Grafana's log on the core node")];
    }
}

/// <summary>The API calls that need Grafana's admin login, and the hint when it is missing or refused.</summary>
internal abstract class GrafanaApiCheck(string name, GrafanaPlan plan, string path)
    : JsonCheck(name, "Grafana", new Uri(plan.Url, path), Hints.HostPort(plan.Url))
{
    protected GrafanaPlan Plan => plan;

    protected override AuthenticationHeaderValue? Authorization => plan.Login is { } login
        ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{login.User}:{login.Password}")))
        : null;

    protected override string Hint(HttpAnswer answer) => answer.Status is 401 or 403
        ? plan.Login is null
            ? "Grafana asks for a login: Verify needs the admin password (secret GF_ADMIN_PASSWORD) to read datasources and dashboards"
            : $"Grafana refused the login of {plan.Login.User}: GF_ADMIN_PASSWORD only applies when grafana_data is first created; reset it with grafana cli"
        : base.Hint(answer);
}

/// <summary>GET /api/datasources lists every uid the dashboards refer to (Grafana invents uids when datasources.yml gives none).</summary>
internal sealed class GrafanaDatasourcesCheck(GrafanaPlan plan) : GrafanaApiCheck("grafana datasources", plan, "/api/datasources")
{
    protected override IReadOnlyList<CheckOutcome> Judge(JsonNode json)
    {
        var found = JsonShape.Array(json, "GET /api/datasources")
            .Select(d => (Uid: JsonShape.String(d, "uid", "GET /api/datasources[]"), Name: JsonShape.OptionalString(d, "name") ?? "?",
                Type: JsonShape.OptionalString(d, "type") ?? "?"))
            .ToList();
        return Plan.DatasourceUids.Select(uid => found.FirstOrDefault(d => d.Uid == uid) is { Uid: not null } d
                ? CheckOutcome.Pass(uid, $"{d.Name} ({d.Type})")
                : CheckOutcome.Fail(uid, $"no datasource with uid {uid} (found: {string.Join(", ", found.Select(f => f.Uid))})",
                    $"every dashboard refers to uid {uid}: datasources.yml must declare it; redeploy core and restart grafana"))
            .ToList();
    }
}

/// <summary>GET /api/search?type=dash-db lists every provisioned dashboard by uid.</summary>
internal sealed class GrafanaDashboardsCheck(GrafanaPlan plan) : GrafanaApiCheck("grafana dashboards", plan, "/api/search?type=dash-db")
{
    protected override IReadOnlyList<CheckOutcome> Judge(JsonNode json)
    {
        var found = JsonShape.Array(json, "GET /api/search")
            .Select(d => (Uid: JsonShape.String(d, "uid", "GET /api/search[]"), Title: JsonShape.OptionalString(d, "title") ?? "?"))
            .ToList();
        return Plan.Dashboards.Select(expected => found.FirstOrDefault(d => d.Uid == expected.Uid) is { Uid: not null } d
                ? CheckOutcome.Pass(expected.Uid, d.Title)
                : CheckOutcome.Fail(expected.Uid, $"dashboard \"{expected.Title}\" is not in Grafana ({found.Count} dashboards found)",
                    "dashboards.yml loads /var/lib/grafana/dashboards: check that grafana/dashboards/*.json reached the core node"))
            .ToList();
    }
}
