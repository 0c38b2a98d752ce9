using Ktrdr.Deploy.Rendering;

namespace Rendering.Tests;

/// <summary>
/// Inputs a hostile but honest user tried (issue 16) against the rendering checks: ports published twice on a node,
/// healthchecks on the wrong port, dashboards of the wrong shape, and broken inputs that other checks depend on
/// (datasources.yml, the metric catalog), whose own problem must come alone instead of dozens of follow-on errors.
/// </summary>
public class HostileInputTests
{
    private const string Core = "environments/homelab/docker-compose.core.yml";
    private const string Grafana = "shared/grafana";
    private const string Datasources = "shared/grafana/datasources.yml";
    private const string Catalog = "shared/metrics-catalog.yml";
    private const string Extra = "shared/grafana/dashboards/extra.json";

    private static IReadOnlyList<Ktrdr.Deploy.Topology.Diagnostic> Errors(RenderOutcome outcome) =>
        outcome.AllDiagnostics.Where(d => d.IsError).ToList();

    private static void Write(DeployTree tree, string relativePath, string text) => File.WriteAllText(Path.Combine(tree.Root, relativePath), text);

    [Fact]
    public void Two_services_of_a_node_publishing_one_host_port_is_reported_at_the_second()
    {
        using var tree = new DeployTree().Replace(Core, "ports: [\"3000:3000\"]", "ports: [\"9090:3000\"]");
        var d = tree.Render().SingleError("host ports");
        Assert.EndsWith(Core, d.File);
        Assert.Equal(tree.LineOf(Core, "9090:3000"), d.Line);
        Assert.Equal("services.grafana.ports", d.Field);
        Assert.Contains("host port 9090 on node core is already published by service prometheus", d.Message);
        Assert.Contains("would be listed twice", d.Message);
    }

    [Fact]
    public void One_service_publishing_a_host_port_twice_is_reported()
    {
        using var tree = new DeployTree().Replace(Core, "\"16686:16686\", \"4317:4317\"", "\"16686:16686\", \"16686:4317\"");
        var d = tree.Render().SingleError("host ports");
        Assert.Contains("already published by service jaeger", d.Message);
    }

    [Fact]
    public void The_same_host_port_on_two_addresses_is_allowed()
    {
        using var tree = new DeployTree().Replace(Core, "\"16686:16686\", \"4317:4317\"", "\"127.0.0.1:16686:16686\", \"127.0.0.2:16686:4317\"");
        Assert.Empty(tree.Render().Checks.Single(c => c.Check == "host ports").Diagnostics);
    }

    [Fact]
    public void A_healthcheck_probing_a_port_the_service_does_not_listen_on_is_reported()
    {
        using var tree = new DeployTree().Replace(Core, "http://127.0.0.1:8000/api/v1/health", "http://127.0.0.1:8001/api/v1/health");
        var d = tree.Render().SingleError("port agreement");
        Assert.Equal("services.backend.healthcheck.test", d.Field);
        Assert.Equal(tree.LineOf(Core, "127.0.0.1:8001"), d.Line);
        Assert.Contains("probes port 8001, but the process listens on 8000", d.Message);
    }

    [Theory]
    [InlineData("[]", "an empty list ([])")]
    [InlineData("[{\"title\": \"x\"}]", "a list")]
    [InlineData("\"dashboard\"", "the value \"dashboard\"")]
    public void A_dashboard_that_is_not_an_object_is_reported(string json, string found)
    {
        using var tree = new DeployTree();
        Write(tree, Extra, json);
        var d = tree.Render().SingleError("dashboard datasources");
        Assert.EndsWith("extra.json", d.File);
        Assert.Equal(1, d.Line);
        Assert.Contains($"expected a dashboard (a JSON object with title and panels), found {found}", d.Message);
    }

    [Fact]
    public void Panels_that_are_not_a_list_are_reported_at_their_line()
    {
        using var tree = new DeployTree();
        Write(tree, Extra, "{\n  \"title\": \"x\",\n  \"panels\": {\"a\": 1}\n}\n");
        var d = tree.Render().SingleError("dashboard datasources");
        Assert.Equal(3, d.Line);
        Assert.Equal("panels", d.Field);
        Assert.Contains("expected a list of panels, found an object", d.Message);
    }

    [Fact]
    public void A_dashboards_folder_replaced_by_a_file_is_reported()
    {
        using var tree = new DeployTree();
        Directory.Delete(Path.Combine(tree.Root, Grafana, "dashboards"), recursive: true);
        Write(tree, Path.Combine(Grafana, "dashboards"), "{}");
        var d = tree.Render().SingleError("dashboard datasources");
        Assert.EndsWith("dashboards", d.File);
        Assert.Contains("expected a folder of dashboard JSON files, found a file", d.Message);
    }

    [Fact]
    public void A_dashboards_folder_without_dashboards_is_reported()
    {
        using var tree = new DeployTree();
        foreach (var file in Directory.GetFiles(Path.Combine(tree.Root, Grafana, "dashboards"))) File.Delete(file);
        var d = tree.Render().SingleError("dashboard datasources");
        Assert.Contains("expected dashboards (*.json), found none", d.Message);
    }

    [Theory]
    [InlineData("datasources: [\n  - uid: prometheus\n")]
    [InlineData("apiVersion: 1\n")]
    public void A_broken_datasources_file_is_the_only_error_and_says_what_waits_on_it(string text)
    {
        using var tree = new DeployTree();
        Write(tree, Datasources, text);
        var d = Assert.Single(Errors(tree.Render()));
        Assert.EndsWith("datasources.yml", d.File);
        Assert.True(d.Line > 0);
        Assert.Matches(@"the \d+ datasource reference\(s\) in 3 dashboard\(s\) are checked once it reads", d.Hint);
    }

    [Fact]
    public void A_renamed_datasource_uid_is_one_error_with_its_uses_summarised()
    {
        using var tree = new DeployTree().Replace(Datasources, "uid: prometheus", "uid: prom");
        var d = tree.Render().SingleError("dashboard datasources");
        var dashboards = Directory.GetFiles(Path.Combine(DeployTree.RepoRoot, "deploy", "shared", "grafana", "dashboards"), "*.json");
        var uses = dashboards.Sum(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(f), "\"uid\":\\s*\"prometheus\"").Count);
        Assert.True(uses > 10, $"only {uses} uses of the uid found");
        Assert.Contains($"references datasource uid \"prometheus\" (and {uses - 1} more time(s) in {dashboards.Length} dashboard(s))", d.Message);
        Assert.Contains("declared: jaeger, prom", d.Message);
    }

    [Theory]
    [InlineData("metrics: [\n  - a\n", "not valid YAML")]
    [InlineData("metrics: {}\n", "expected metric names, found none")]
    [InlineData("names: [a]\n", "expected 'metrics:'")]
    public void A_broken_metric_catalog_is_the_only_error_and_says_what_waits_on_it(string text, string message)
    {
        using var tree = new DeployTree();
        Write(tree, Catalog, text);
        var d = Assert.Single(Errors(tree.Render()));
        Assert.EndsWith("metrics-catalog.yml", d.File);
        Assert.Contains(message, d.Message);
        Assert.Contains("the metric names the dashboards query are not checked", d.Hint);
    }

    [Fact]
    public void A_job_matcher_that_matches_no_job_is_reported_at_its_line()
    {
        using var tree = new DeployTree();
        Write(tree, Extra, "{\n  \"title\": \"x\",\n  \"panels\": [\n    { \"title\": \"p\", \"type\": \"stat\",\n"
                           + "      \"targets\": [ { \"expr\": \"up{job=\\\"nobody\\\"}\" } ] }\n  ]\n}\n");
        var d = tree.Render().SingleError("dashboard queries");
        Assert.Equal(5, d.Line);
        Assert.Contains("job=\"nobody\" matches no scrape job", d.Message);
    }

    [Fact]
    public void The_same_bad_expression_in_two_panels_is_reported_at_each_panels_line()
    {
        using var tree = new DeployTree();
        const string Panel = "    { \"title\": \"{0}\", \"type\": \"stat\", \"targets\": [ { \"expr\": \"ktrdr_nothing_total\" } ] }";
        Write(tree, Extra, "{\n  \"title\": \"x\",\n  \"panels\": [\n" + Panel.Replace("{0}", "first") + ",\n\n"
                           + Panel.Replace("{0}", "second") + "\n  ]\n}\n");
        var errors = tree.Render().Checks.Single(c => c.Check == "dashboard queries").Diagnostics;
        Assert.Equal([(4, "panel \"first\""), (6, "panel \"second\"")], errors.Select(d => (d.Line, d.Field)).ToArray());
    }

    [Theory]
    [InlineData(Datasources)]
    [InlineData(Catalog)]
    public void An_input_nested_15000_levels_deep_is_one_error_with_its_line_not_a_stack_overflow(string file)
    {
        using var tree = new DeployTree();
        Write(tree, file, "a: " + new string('[', 15_000) + new string(']', 15_000) + "\n");
        var d = Assert.Single(Errors(tree.Render()));
        Assert.EndsWith(Path.GetFileName(file), d.File);
        Assert.Equal(1, d.Line);
        Assert.Contains("more than 64 levels deep", d.Message);
    }
}
