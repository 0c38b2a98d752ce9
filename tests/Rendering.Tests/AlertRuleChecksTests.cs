using Ktrdr.Deploy.Rendering;
using Ktrdr.Deploy.Rendering.Checks;
using Ktrdr.Deploy.Rendering.Tools;

namespace Rendering.Tests;

/// <summary>Each alert rule check catches its defect in a copy of the real deploy tree, at the file and line of the defect.</summary>
public class AlertRuleChecksTests
{
    private const string Workers = "shared/prometheus/rules/workers.yml";
    private const string WorkersTest = "shared/prometheus/tests/workers.test.yml";

    private static RenderOutcome RuleChecks(DeployTree tree) =>
        RenderPipeline.Run(tree.Topology("lab"), tree.Root, DeployTree.Tag, new ProcessToolRunner(),
            [new AlertRuleQueryCheck(), new RuleTestCoverageCheck(), new PromtoolRulesCheck(), new PromtoolRuleTestsCheck()]);

    [Fact]
    public void The_real_rules_pass_every_check_including_their_promtool_unit_tests()
    {
        using var tree = new DeployTree();
        var outcome = RuleChecks(tree);
        outcome.AssertClean();
        Assert.Equal(4, outcome.Checks.Count);
    }

    [Fact]
    public void A_rule_with_invalid_PromQL_is_reported_by_promtool_at_its_file_and_line()
    {
        using var tree = new DeployTree().Replace(Workers, "max by (worker_type) (up{gpu=", "max by (worker_type (up{gpu=");
        var d = RuleChecks(tree).SingleError("promtool check rules");
        Assert.EndsWith("rules/workers.yml", d.File);
        Assert.Equal(tree.LineOf(Workers, "max by (worker_type (up{gpu="), d.Line);
        Assert.Contains("could not parse expression", d.Message);
    }

    [Fact]
    public void A_rule_reading_a_metric_nobody_exports_is_reported_at_its_expression()
    {
        using var tree = new DeployTree().Replace(Workers, "ktrdr_workers_registered_total{job=", "ktrdr_workers_registred_total{job=");
        var outcome = RuleChecks(tree);
        var d = outcome.SingleError("alert rule queries");
        Assert.EndsWith("rules/workers.yml", d.File);
        Assert.Equal("alert KtrdrWorkerSlotsUnregistered", d.Field);
        Assert.Equal(tree.LineOf(Workers, "expr: |"), d.Line);
        Assert.Contains("\"ktrdr_workers_registred_total\"", d.Message);
        Assert.Contains("ktrdr_workers_registered_total", d.Hint);
    }

    [Fact]
    public void A_rule_filtering_on_a_job_nobody_scrapes_is_reported()
    {
        using var tree = new DeployTree().Replace("shared/prometheus/rules/backend.yml", "up{job=\"ktrdr-backend\"} == 0", "up{job=\"backend\"} == 0");
        var d = RuleChecks(tree).SingleError("alert rule queries");
        Assert.Contains("job=\"backend\" matches no scrape job", d.Message);
        Assert.Equal(tree.LineOf("shared/prometheus/rules/backend.yml", "up{job=\"backend\"}"), d.Line);
    }

    [Fact]
    public void The_backup_rules_need_the_core_to_run_node_exporter_which_serves_the_backups_age()
    {
        using var tree = new DeployTree().Replace("environments/homelab/docker-compose.core.yml", "  node-exporter:\n", "  textfile-exporter:\n");
        var errors = RuleChecks(tree).Checks.Single(c => c.Check == "alert rule queries").Diagnostics;

        Assert.Equal(["alert KtrdrBackupMissing", "alert KtrdrBackupTooOld"], errors.Select(d => d.Field).Order(StringComparer.Ordinal));
        Assert.All(errors, d => Assert.EndsWith("rules/backups.yml", d.File));
        Assert.All(errors, d => Assert.Contains("job=\"node-exporter\" matches no scrape job", d.Message));
        Assert.All(errors, d => Assert.Contains("node-exporter when the core node runs a node-exporter service", d.Hint));
    }

    [Fact]
    public void A_test_file_that_expects_the_wrong_labels_is_reported_at_its_case_with_what_was_expected_and_got()
    {
        using var tree = new DeployTree().Replace(WorkersTest, "exp_labels: {severity: warning, worker_type: training}", "exp_labels: {severity: warning, worker_type: backtesting}");
        var d = RuleChecks(tree).SingleError("promtool test rules");
        Assert.EndsWith("tests/workers.test.yml", d.File);
        Assert.Equal("alert KtrdrNoGpuTrainingWorker at 6m", d.Field);
        Assert.Equal(LineOfCase(tree, "KtrdrNoGpuTrainingWorker", 2), d.Line);
        Assert.Contains("worker_type=\"backtesting\"", d.Message);
        Assert.Contains("worker_type=\"training\"", d.Message);
    }

    [Fact]
    public void A_rule_file_without_its_test_file_is_reported()
    {
        using var tree = new DeployTree();
        File.Delete(Path.Combine(tree.Root, WorkersTest));
        var d = RuleChecks(tree).SingleError("alert rule tests present");
        Assert.EndsWith("rules/workers.yml", d.File);
        Assert.Contains("tests/workers.test.yml", d.Message);
    }

    [Fact]
    public void An_alert_never_shown_silent_on_healthy_series_is_reported_at_the_rule()
    {
        using var tree = new DeployTree().Replace("shared/prometheus/tests/backend.test.yml",
            "      - eval_time: 30s\n        alertname: KtrdrBackendDown\n        exp_alerts: []\n", "");
        var d = RuleChecks(tree).SingleError("alert rule tests present");
        Assert.Equal("alert KtrdrBackendDown", d.Field);
        Assert.Contains("silent on healthy series", d.Message);
        Assert.Equal(tree.LineOf("shared/prometheus/rules/backend.yml", "expr:"), d.Line);
    }

    /// <summary>Line of the n-th (1-based) "alertname: X" in the workers test file.</summary>
    private static int LineOfCase(DeployTree tree, string alert, int nth)
    {
        var lines = File.ReadAllLines(Path.Combine(tree.Root, WorkersTest));
        return Enumerable.Range(0, lines.Length).Where(i => lines[i].Trim() == $"alertname: {alert}").Skip(nth - 1).First() + 1;
    }
}

/// <summary>What the core bundle carries for alerting: rule files (the lab's with short for:), alertmanager.yml without any secret.</summary>
public class AlertingBundleTests
{
    [Fact]
    public void The_lab_ships_rules_whose_for_is_capped_while_the_sources_and_their_tests_keep_the_real_one()
    {
        using var tree = new DeployTree();
        var core = tree.Render("lab").Bundles.Single(b => b.Node.Name == "core");
        var targets = core.File("prometheus/rules/targets.yml")!.Content;
        Assert.Contains("for: 15s   # 2m outside the lab (alerting.max_for)", targets);
        Assert.Contains("for: 2m", File.ReadAllText(Path.Combine(tree.Root, "shared/prometheus/rules/targets.yml")));
        var homelab = tree.Render("homelab").Bundles.Single(b => b.Node.Name == "core");
        Assert.Equal(File.ReadAllText(Path.Combine(tree.Root, "shared/prometheus/rules/targets.yml")), homelab.File("prometheus/rules/targets.yml")!.Content);
    }

    [Fact]
    public void Alertmanager_config_names_the_tmpfs_secret_file_and_never_holds_a_secret_and_prometheus_sends_to_it()
    {
        using var tree = new DeployTree();
        var core = tree.Render("lab").Bundles.Single(b => b.Node.Name == "core");
        var alertmanager = core.File(Ktrdr.Deploy.Rendering.Prometheus.AlertmanagerConfig.BundlePath)!.Content;
        Assert.Contains("credentials_file: /run/alertmanager/receiver-secret", alertmanager);
        Assert.Contains("send_resolved: true", alertmanager);
        Assert.Contains("repeat_interval: 1h", alertmanager);
        var placeholder = new Ktrdr.Deploy.Rendering.Checks.RenderContext(tree.Topology("lab"), null!, [], [], null!).SecretPlaceholders["ALERT_RECEIVER_SECRET"];
        Assert.DoesNotContain(placeholder, string.Concat(core.Files.Select(f => f.Content)));
        var prometheus = core.File(Ktrdr.Deploy.Rendering.Bundles.BundleRenderer.PrometheusConfig)!.Content;
        Assert.Contains("alertmanagers:\n    - static_configs:\n        - targets: ['alertmanager:9093']", prometheus);
        Assert.Contains("job_name: alertmanager", prometheus);
    }
}

/// <summary>The system overview's alert panels are checked like every other panel.</summary>
public class AlertPanelTests
{
    private const string Overview = "shared/grafana/dashboards/system-overview.json";

    [Fact]
    public void The_system_overview_lists_alerts_and_its_firing_count_reads_a_catalogued_metric()
    {
        using var tree = new DeployTree().Replace(Overview, "count(ALERTS{", "count(ALERT{");
        var text = File.ReadAllText(Path.Combine(tree.Root, Overview));
        Assert.Contains("\"type\": \"alertlist\"", text);
        var d = RenderPipeline.Run(tree.Topology("lab"), tree.Root, DeployTree.Tag, new ProcessToolRunner(), [new DashboardQueryCheck()])
            .SingleError("dashboard queries");
        Assert.Equal("panel \"Alerts firing\"", d.Field);
        Assert.Contains("\"ALERT\"", d.Message);
    }
}

public class AlertmanagerConfigCheckTests
{
    [Fact]
    public void Amtool_rejects_a_broken_alertmanager_config()
    {
        using var tree = new DeployTree();
        var env = tree.Topology("lab");
        var core = env.Nodes.Single(n => n.Role == Ktrdr.Deploy.Topology.NodeRole.Core);
        var broken = new Ktrdr.Deploy.Rendering.Bundles.RenderedBundle(env.Name, core, DeployTree.Tag,
            [new Ktrdr.Deploy.Rendering.Bundles.BundleFile(Ktrdr.Deploy.Rendering.Prometheus.AlertmanagerConfig.BundlePath, "route:\n  receiver: nobody\nreceivers: []\n")]);
        var ctx = new RenderContext(env, Ktrdr.Deploy.Rendering.Bundles.DeploySources.Load(tree.Root, env, []), [broken], [], new ProcessToolRunner());
        var d = Assert.Single(new AlertmanagerConfigCheck().Run(ctx));
        Assert.True(d.IsError);
        Assert.Contains("amtool rejects the generated config", d.Message);
        Assert.Contains("nobody", d.Message);
        Assert.Equal("core/alertmanager/alertmanager.yml (generated)", d.File);
    }
}
