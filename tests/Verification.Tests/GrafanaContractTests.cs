using Ktrdr.Deploy.Verification;
using Ktrdr.Deploy.Verification.Checks;
using Verification.Tests.Support;

namespace Verification.Tests;

/// <summary>
/// The Grafana checks against Grafana's real answer shapes (TestData/README.md), served on loopback: Grafana itself
/// cannot run here. Like Grafana, the stub wants the admin login for /api/datasources and /api/search.
/// </summary>
public class GrafanaContractTests
{
    private const string Password = "s3cret-admin-pw-for-test";

    private static readonly ExpectedDashboard[] Dashboards =
    [
        new("ktrdr-operations", "KTRDR Operations"), new("ktrdr-system-overview", "KTRDR System Overview"), new("ktrdr-worker-status", "KTRDR Worker Status"),
    ];

    private static StubServer Grafana(string datasources = "grafana-datasources.json") => new(new Dictionary<string, StubAnswer>
    {
        ["/api/health"] = new("grafana-health.json"),
        ["/api/datasources"] = new(datasources, NeedsLogin: true),
        ["/api/search?type=dash-db"] = new("grafana-search-dashboards.json", NeedsLogin: true),
    }, "admin", Password);

    private static GrafanaPlan Plan(StubServer grafana, GrafanaLogin? login, params ExpectedDashboard[] dashboards) =>
        new(grafana.BaseAddress, ["jaeger", "prometheus"], dashboards.Length > 0 ? dashboards : Dashboards, login);

    [Fact]
    public async Task A_provisioned_Grafana_passes_health_datasources_and_dashboards()
    {
        using var grafana = Grafana();
        var plan = Plan(grafana, new GrafanaLogin("admin", Password));

        var health = await CheckRun.SingleAsync(new GrafanaHealthCheck(plan));
        var datasources = await CheckRun.AllAsync(new GrafanaDatasourcesCheck(plan));
        var dashboards = await CheckRun.AllAsync(new GrafanaDashboardsCheck(plan));

        Assert.Equal(new CheckOutcome($"127.0.0.1:{grafana.Port}", CheckResult.Passed, "database ok, version 11.3.0"), health);
        Assert.Equal(["jaeger: Jaeger (jaeger)", "prometheus: Prometheus (prometheus)"],
            datasources.Select(o => $"{o.Target}: {o.Detail}"));
        Assert.All(datasources.Concat(dashboards), o => Assert.Equal(CheckResult.Passed, o.Result));
        Assert.Equal(Dashboards.Select(d => d.Title), dashboards.Select(o => o.Detail));
    }

    [Fact]
    public async Task A_datasource_uid_Grafana_generated_fails_naming_the_uid_the_dashboards_need()
    {
        using var grafana = Grafana("grafana-datasources-generated-uid.json");

        var outcomes = await CheckRun.AllAsync(new GrafanaDatasourcesCheck(Plan(grafana, new GrafanaLogin("admin", Password))));

        Assert.Equal(CheckResult.Passed, outcomes.Single(o => o.Target == "jaeger").Result);
        var prometheus = outcomes.Single(o => o.Target == "prometheus");
        Assert.Equal(CheckResult.Failed, prometheus.Result);
        Assert.Equal("no datasource with uid prometheus (found: PBFA97CFB590B2093, jaeger)", prometheus.Detail);
        Assert.Contains("datasources.yml must declare it", prometheus.Hint);
    }

    [Fact]
    public async Task A_dashboard_Grafana_does_not_list_fails_naming_its_title()
    {
        using var grafana = Grafana();
        var plan = Plan(grafana, new GrafanaLogin("admin", Password), [.. Dashboards, new ExpectedDashboard("ktrdr-gpu", "KTRDR GPU")]);

        var missing = (await CheckRun.AllAsync(new GrafanaDashboardsCheck(plan))).Single(o => o.Result != CheckResult.Passed);

        Assert.Equal(new CheckOutcome("ktrdr-gpu", CheckResult.Failed, "dashboard \"KTRDR GPU\" is not in Grafana (3 dashboards found)",
            "dashboards.yml loads /var/lib/grafana/dashboards: check that grafana/dashboards/*.json reached the core node"), missing);
    }

    [Fact]
    public async Task Without_the_admin_login_the_api_checks_fail_saying_which_secret_is_needed()
    {
        using var grafana = Grafana();

        var outcome = await CheckRun.SingleAsync(new GrafanaDatasourcesCheck(Plan(grafana, login: null)));

        Assert.Equal(CheckResult.Failed, outcome.Result);
        Assert.Contains("expected 200, got 401", outcome.Detail);
        Assert.Contains("GF_ADMIN_PASSWORD", outcome.Hint);
    }

    [Fact]
    public async Task A_refused_login_is_reported_without_the_password()
    {
        using var grafana = Grafana();
        var plan = Plan(grafana, new GrafanaLogin("admin", "wrong-" + Password));

        var outcome = await CheckRun.SingleAsync(new GrafanaDashboardsCheck(plan));

        Assert.Equal(CheckResult.Failed, outcome.Result);
        Assert.Contains("refused the login of admin", outcome.Hint);
        Assert.DoesNotContain(Password, outcome.Detail + outcome.Hint + plan);
    }
}
