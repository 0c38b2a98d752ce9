namespace Rendering.Tests;

/// <summary>Each compose consistency check catches the defect it exists for, at the right file and line.</summary>
public class ComposeChecksTests
{
    private const string Workers = "environments/homelab/docker-compose.workers.yml";
    private const string Core = "environments/homelab/docker-compose.core.yml";
    private const string NodeHost = "${NODE_HOST:?NODE_HOST is set by the deploy tool}";

    [Fact]
    public void A_variable_without_any_source_is_reported_at_its_line()
    {
        using var tree = new DeployTree().Replace(Core, "DB_PORT: \"5432\"", "DB_PORT: ${KTRDR_DB_PORT_TYPO}");
        var d = tree.Render().SingleError("compose variables");
        Assert.EndsWith(Core, d.File);
        Assert.Equal(tree.LineOf(Core, "KTRDR_DB_PORT_TYPO"), d.Line);
        Assert.Contains("has no source", d.Message);
        Assert.Contains("declare it under secrets", d.Hint);
    }

    [Fact]
    public void A_node_identity_variable_with_a_default_is_reported()
    {
        using var tree = new DeployTree().Replace(Workers, NodeHost + ":5003", "${NODE_HOST:-workers-b.ktrdr.home.mynerd.place}:5003");
        var d = tree.Render().SingleError("compose variables");
        Assert.Equal("NODE_HOST", d.Field);
        Assert.Contains("claim to be another node", d.Message);
    }

    [Fact]
    public void A_pass_through_variable_nothing_provides_is_reported()
    {
        using var tree = new DeployTree().Replace(Core, "      KTRDR_DB_HOST: db\n", "      KTRDR_DB_HOST: db\n      KTRDR_LICENSE_KEY:\n");
        var d = tree.Render().SingleError("compose variables");
        Assert.Equal("services.backend.environment.KTRDR_LICENSE_KEY", d.Field);
    }

    [Fact]
    public void A_process_listening_on_another_port_than_published_is_reported()
    {
        using var tree = new DeployTree().Replace(Workers, "--port 5003", "--port 5002");
        var errors = tree.Render().Checks.Single(c => c.Check == "port agreement").Diagnostics;
        Assert.Contains(errors, d => d.Message.Contains("listens on 5002") && d.Field == "services.backtest-worker-1.ports");
        Assert.Contains(errors, d => d.Message.Contains("KTRDR_WORKER_PORT is 5003 but the process listens on 5002"));
    }

    [Fact]
    public void A_port_the_image_does_not_expose_is_reported()
    {
        using var tree = new DeployTree().Replace("docker/Dockerfile", "EXPOSE 8000 5003 5004 5005", "EXPOSE 8000 5003 5004");
        var errors = tree.Render().Checks.Single(c => c.Check == "port agreement").Diagnostics;
        Assert.NotEmpty(errors);
        Assert.All(errors, d => Assert.Contains("container port 5005 is not EXPOSEd", d.Message));
    }

    [Fact]
    public void A_public_url_with_a_trailing_slash_is_reported()
    {
        using var tree = new DeployTree().Replace(Workers, NodeHost + ":5005", NodeHost + ":5005/");
        var errors = tree.Render().Checks.Single(c => c.Check == "worker public URLs").Diagnostics;
        Assert.Equal(2, errors.Count); // workers-b and workers-c both run the file
        Assert.Contains(errors, d => d.Message.Contains("\"http://workers-b.ktrdr.home.mynerd.place:5005//health\""));
        Assert.All(errors, d => Assert.Equal(tree.LineOf(Workers, ":5005/"), d.Line));
    }

    [Fact]
    public void A_public_url_naming_a_container_is_reported_with_the_node_dns_name()
    {
        using var tree = new DeployTree().Replace(Workers, $"http://{NodeHost}:5003", "http://backtest-worker-1:5003");
        var errors = tree.Render().Checks.Single(c => c.Check == "worker public URLs").Diagnostics;
        Assert.Equal(2, errors.Count); // workers-b and workers-c both run the file
        Assert.Contains(errors, d => d.Message.Contains("expected the node's DNS name \"workers-b.ktrdr.home.mynerd.place\""));
    }

    [Fact]
    public void A_mount_source_missing_from_the_bundle_is_reported()
    {
        using var tree = new DeployTree().Replace(Core, "- prometheus_data:/prometheus", "- prometheus_data:/prometheus\n      - ./prometheus/rules.yml:/etc/prometheus/rules.yml:ro");
        var d = tree.Render().SingleError("mount sources");
        Assert.Contains("\"./prometheus/rules.yml\" is not in the bundle for node core", d.Message);
    }

    [Fact]
    public void A_worker_without_the_storage_group_is_reported()
    {
        using var tree = new DeployTree().Replace(Workers, "group_add: [\"1500\"]", "group_add: [\"1501\"]");
        var errors = tree.Render().Checks.Single(c => c.Check == "shared storage identity").Diagnostics;
        Assert.Equal(2, errors.Count); // training and backtest slot 1 on the worker nodes share the anchor
        Assert.All(errors, d => Assert.Contains("does not include 1500", d.Message));
    }

    [Fact]
    public void Compose_itself_rejects_an_unknown_service_key()
    {
        using var tree = new DeployTree().Replace(Core, "    restart: unless-stopped\n", "    restart: unless-stopped\n    restrat: always\n");
        var errors = tree.Render().Checks.Single(c => c.Check == "docker-compose config").Diagnostics;
        Assert.Contains(errors, d => d.IsError && d.Message.Contains("restrat"));
    }

    [Fact]
    public void Every_problem_is_reported_not_only_the_first()
    {
        using var tree = new DeployTree()
            .Replace(Workers, "--port 5003", "--port 5002")
            .Replace(Core, "DB_PORT: \"5432\"", "DB_PORT: ${NOPE}");
        var failing = tree.Render().Checks.Where(c => !c.Passed).Select(c => c.Check).ToList();
        Assert.Contains("port agreement", failing);
        Assert.Contains("compose variables", failing);
    }
}
