using Ktrdr.Deploy.Rendering;
using Ktrdr.Deploy.Rendering.Bundles;
using Ktrdr.Deploy.Rendering.Checks;
using Ktrdr.Deploy.Rendering.Prometheus;
using Ktrdr.Deploy.Rendering.Tools;

namespace Rendering.Tests;

public class DashboardChecksTests
{
    private const string Operations = "shared/grafana/dashboards/operations.json";

    [Fact]
    public void A_datasource_uid_that_is_not_provisioned_is_reported()
    {
        using var tree = new DeployTree().Replace(Operations, "\"uid\": \"prometheus\"", "\"uid\": \"PBFA97CFB590B2093\"");
        var d = tree.Render().SingleError("dashboard datasources");
        Assert.EndsWith("operations.json", d.File);
        Assert.Equal(tree.LineOf(Operations, "PBFA97CFB590B2093"), d.Line);
        Assert.Contains("declared: jaeger, prometheus", d.Message);
    }

    [Fact]
    public void A_metric_the_application_does_not_expose_is_reported()
    {
        using var tree = new DeployTree().Replace(Operations, "ktrdr_operations_active", "ktrdr_operations_running");
        var d = tree.Render().SingleError("dashboard queries");
        Assert.Contains("\"ktrdr_operations_running\"", d.Message);
        Assert.Equal(tree.LineOf(Operations, "ktrdr_operations_running"), d.Line);
    }

    [Fact]
    public void A_job_matcher_that_matches_no_generated_job_is_reported()
    {
        using var tree = new DeployTree().Replace(Operations, "ktrdr_operations_active", "ktrdr_operations_active{job=\\\"ktrdr-gpu-worker\\\"}");
        var d = tree.Render().SingleError("dashboard queries");
        Assert.Contains("job=\"ktrdr-gpu-worker\" matches no scrape job", d.Message);
        Assert.Contains("ktrdr-gpu", d.Message);
    }

    [Fact]
    public void An_expression_that_does_not_parse_is_reported_by_promtool_at_its_panel()
    {
        using var tree = new DeployTree().Replace(Operations, "ktrdr_operations_active", "sum(ktrdr_operations_active");
        var d = tree.Render().SingleError("dashboard PromQL");
        Assert.Contains("does not parse", d.Message);
        Assert.Equal(tree.LineOf(Operations, "sum(ktrdr_operations_active"), d.Line);
    }

    [Fact]
    public void Promtool_rejects_a_broken_scrape_config()
    {
        using var tree = new DeployTree();
        var env = tree.Topology();
        var core = env.Nodes.Single(n => n.Role == Ktrdr.Deploy.Topology.NodeRole.Core);
        var broken = new RenderedBundle(env.Name, core, DeployTree.Tag,
            [new BundleFile(BundleRenderer.PrometheusConfig, "scrape_configs:\n  - job_name: a\n    scrape_interval: often\n")]);
        var ctx = new RenderContext(env, DeploySources.Load(tree.Root, env, []), [broken], [], new ProcessToolRunner());
        var d = Assert.Single(new PromtoolConfigCheck().Run(ctx));
        Assert.True(d.IsError);
        Assert.Contains("promtool rejects the generated config", d.Message);
    }

    [Fact]
    public void A_missing_tool_is_a_warning_that_says_how_to_install_it_never_a_silent_pass()
    {
        using var tree = new DeployTree();
        var outcome = tree.Render(tools: new NoTools());
        var warnings = outcome.AllDiagnostics.Where(d => d.Severity == Ktrdr.Deploy.Topology.DiagnosticSeverity.Warning).ToList();
        Assert.Contains(warnings, w => w.Message.Contains("promtool is not installed") && w.Hint!.Contains("apt-get install -y prometheus"));
        Assert.Contains(warnings, w => w.Message.Contains("docker-compose is not installed"));
        Assert.True(outcome.Succeeded);
    }

    private sealed class NoTools : IToolRunner
    {
        public string? Find(string tool) => null;
        public ToolResult? Run(string tool, IReadOnlyList<string> args, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null) => null;
    }
}
