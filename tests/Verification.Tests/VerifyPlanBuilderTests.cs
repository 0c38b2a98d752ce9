using Ktrdr.Deploy.EntryPoints;
using Ktrdr.Deploy.Rendering.Bundles;
using Ktrdr.Deploy.Topology;
using Ktrdr.Deploy.Verification;
using Rendering.Tests;

namespace Verification.Tests;

/// <summary>What Verify expects, derived from the real deploy tree (and from copies of it broken on purpose).</summary>
public class VerifyPlanBuilderTests
{
    private const string Workers = "environments/homelab/docker-compose.workers.yml";

    private static VerifyPlan Build(DeployTree tree, string environment = "homelab", Func<EnvironmentTopology, EnvironmentTopology>? adjust = null)
    {
        var env = (adjust ?? (e => e))(tree.Topology(environment));
        var problems = new List<Diagnostic>();
        var sources = DeploySources.Load(tree.Root, env, problems);
        Assert.Empty(problems);
        return VerifyPlanBuilder.Build(env, sources, DeployTree.Tag, TimeSpan.FromSeconds(60));
    }

    /// <summary>1-based line of the first line containing <paramref name="text"/> after the line containing <paramref name="anchor"/>.</summary>
    private static int LineAfter(DeployTree tree, string anchor, string text)
    {
        var lines = File.ReadAllLines(Path.Combine(tree.Root, Workers));
        var start = Array.FindIndex(lines, l => l.Contains(anchor, StringComparison.Ordinal));
        return Array.FindIndex(lines, start, l => l.Contains(text, StringComparison.Ordinal)) + 1;
    }

    private static Diagnostic SingleProblem(DeployTree tree)
    {
        var error = Assert.Throws<InvalidInputException>(() => Build(tree));
        return Assert.Single(error.Diagnostics);
    }

    [Fact]
    public void The_homelab_expects_five_workers_two_backtesting_three_training_one_with_a_gpu()
    {
        using var tree = new DeployTree();
        var plan = Build(tree);

        Assert.Equal(
        [
            "workers-b-backtest-1 Backtesting http://workers-b.ktrdr.home.mynerd.place:5003 False",
            "workers-b-training-1 Training http://workers-b.ktrdr.home.mynerd.place:5005 False",
            "workers-c-backtest-1 Backtesting http://workers-c.ktrdr.home.mynerd.place:5003 False",
            "workers-c-training-1 Training http://workers-c.ktrdr.home.mynerd.place:5005 False",
            "gpu-training-gpu-1 Training http://ktrdr-gpuworker.ktrdr.home.mynerd.place:5005 True",
        ], plan.Workers.Select(w => $"{w.Id} {w.Kind} {w.Endpoint} {w.GpuExpected}"));
        Assert.Equal(new Uri("http://backend.ktrdr.home.mynerd.place:8000"), plan.Backend);
        Assert.Equal(new Uri("http://backend.ktrdr.home.mynerd.place:9090"), plan.Prometheus);
        Assert.Empty(plan.HostMap);
        Assert.Equal(TimeSpan.FromSeconds(60), plan.Deadline);
    }

    [Fact]
    public void Targets_are_those_of_the_generated_prometheus_yml_with_the_backend_by_service_name()
    {
        using var tree = new DeployTree();
        var targets = Build(tree).Targets.Select(t => t.ToString()).ToList();

        Assert.Equal(
        [
            "ktrdr-backend backend:8000",
            "ktrdr-workers-b workers-b.ktrdr.home.mynerd.place:5003", "ktrdr-workers-b workers-b.ktrdr.home.mynerd.place:5005",
            "ktrdr-workers-c workers-c.ktrdr.home.mynerd.place:5003", "ktrdr-workers-c workers-c.ktrdr.home.mynerd.place:5005",
            "ktrdr-gpu ktrdr-gpuworker.ktrdr.home.mynerd.place:5005",
            "prometheus localhost:9090",   // Prometheus scrapes itself: its notification metrics feed the alerting rules
            "alertmanager alertmanager:9093",
            "node-exporter node-exporter:9100",
        ], targets);
    }

    [Fact]
    public void Every_panel_query_is_expected_without_grafana_variables_and_with_its_job_matchers()
    {
        using var tree = new DeployTree();
        var plan = Build(tree);

        Assert.Equal(33, plan.Queries.Count);   // 32 + the system overview's "Alerts firing"
        Assert.DoesNotContain(plan.Queries, q => q.Expr.Contains('$'));
        var slots = plan.Queries.First(q => q.Panel == "Worker slots up");
        Assert.Equal("KTRDR Worker Status", slots.Dashboard);
        Assert.Equal(["up"], slots.Metrics);
        Assert.Equal(["job=~\"ktrdr-workers.*|ktrdr-gpu\""], slots.JobMatchers);
    }

    [Fact]
    public void The_homelab_expects_grafana_with_its_uids_and_dashboards_and_jaeger()
    {
        using var tree = new DeployTree();
        var plan = Build(tree);

        var grafana = plan.Grafana.Plan!;
        Assert.Equal(new Uri("http://backend.ktrdr.home.mynerd.place:3000"), grafana.Url);
        Assert.Equal(["jaeger", "prometheus"], grafana.DatasourceUids);
        Assert.Equal(["ktrdr-operations", "ktrdr-system-overview", "ktrdr-worker-status"], grafana.Dashboards.Select(d => d.Uid));
        Assert.Equal(new JaegerPlan(new Uri("http://backend.ktrdr.home.mynerd.place:16686"), "ktrdr-api"), plan.Jaeger.Plan);
    }

    [Fact]
    public void The_homelab_expects_alertmanager_on_the_core_and_every_rule_group_of_the_shipped_rule_files()
    {
        using var tree = new DeployTree();
        var alerting = Build(tree).Alerting.Plan!;

        Assert.Equal(new Uri("http://backend.ktrdr.home.mynerd.place:9093"), alerting.Alertmanager);
        Assert.Equal(["ktrdr-alerting", "ktrdr-backend", "ktrdr-backups", "ktrdr-operations", "ktrdr-targets", "ktrdr-workers"], alerting.RuleGroups.Order());
    }

    [Fact]
    public void The_lab_skips_grafana_and_jaeger_and_maps_node_names_to_their_addresses()
    {
        using var tree = new DeployTree();
        var plan = Build(tree, "lab", env => env with { Nodes = env.Nodes.Select((n, i) => n with { Address = $"10.89.0.{i + 2}" }).ToList() });

        Assert.Null(plan.Grafana.Plan);
        Assert.Equal("not deployed in lab", plan.Grafana.SkipReason);
        Assert.Equal("not deployed in lab", plan.Jaeger.SkipReason);
        Assert.Equal("10.89.0.4", plan.HostMap["workers-c.ktrdr.lab"]);
        Assert.Equal(4, plan.HostMap.Count);
        Assert.Equal(5, plan.Workers.Count);
        Assert.True(plan.Workers.Single(w => w.Id == "gpu-training-gpu-1").GpuExpected);
    }

    [Fact]
    public void A_worker_without_KTRDR_WORKER_ID_is_reported_once_at_its_service()
    {
        using var tree = new DeployTree().Replace(Workers, "      KTRDR_WORKER_ID: ${NODE_NAME:?NODE_NAME is set by the deploy tool}-training-1\n", "");

        var d = SingleProblem(tree);

        Assert.EndsWith("docker-compose.workers.yml", d.File);
        Assert.Equal(tree.LineOf(Workers, "  training-worker-1:"), d.Line);
        Assert.Equal("services.training-worker-1.environment.KTRDR_WORKER_ID", d.Field);
        Assert.Equal("expected KTRDR_WORKER_ID in the service's environment, found none", d.Message);
        Assert.Contains("stale record", d.Hint);
    }

    [Fact]
    public void A_public_url_that_is_empty_once_substituted_is_reported_at_its_line()
    {
        using var tree = new DeployTree().Replace(Workers, "KTRDR_WORKER_PUBLIC_BASE_URL: http://${NODE_HOST:?NODE_HOST is set by the deploy tool}:5003",
            "KTRDR_WORKER_PUBLIC_BASE_URL: ${WORKER_URL_B1}");

        var d = SingleProblem(tree);

        Assert.Equal(tree.LineOf(Workers, "${WORKER_URL_B1}"), d.Line);
        Assert.Equal("expected KTRDR_WORKER_PUBLIC_BASE_URL to have a value, found \"${WORKER_URL_B1}\" (empty once the node's .env is applied)", d.Message);
    }

    [Fact]
    public void A_worker_slot_that_starts_another_module_is_reported()
    {
        using var tree = new DeployTree().Replace(Workers, "ktrdr.backtesting.backtest_worker:app --host 0.0.0.0 --port 5003",
            "ktrdr.api.main:app --host 0.0.0.0 --port 5003");

        var d = SingleProblem(tree);

        Assert.Equal("services.backtest-worker-1.command", d.Field);
        Assert.StartsWith("expected a worker's uvicorn module (ktrdr.backtesting.backtest_worker:app or ktrdr.training.training_worker:app), found \"python -m uvicorn ktrdr.api.main:app",
            d.Message);
    }

    [Fact]
    public void Two_slots_with_one_id_are_reported()
    {
        using var tree = new DeployTree().Replace(Workers, "-training-1\n", "-backtest-1\n");

        var d = SingleProblem(tree);

        Assert.Equal("worker id \"workers-b-backtest-1\" is also used by workers-b/backtest-worker-1", d.Message);
        Assert.Equal("services.training-worker-1.environment.KTRDR_WORKER_ID", d.Field);
        Assert.Equal(LineAfter(tree, "  training-worker-1:", "KTRDR_WORKER_ID"), d.Line);
    }

    [Fact]
    public void A_dashboard_without_a_uid_is_reported()
    {
        using var tree = new DeployTree().Replace("shared/grafana/dashboards/operations.json", "\"uid\": \"ktrdr-operations\",", "");

        var d = SingleProblem(tree);

        Assert.EndsWith("operations.json", d.File);
        Assert.Equal("expected a fixed dashboard \"uid\", found none", d.Message);
    }
}
