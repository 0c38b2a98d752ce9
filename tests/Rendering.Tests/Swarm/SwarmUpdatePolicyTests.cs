using Ktrdr.Deploy.Topology.Text;

namespace Rendering.Tests.Swarm;

/// <summary>How Swarm replaces a service: one task at a time, watched long enough for its healthcheck to decide, rolled back by Swarm.</summary>
public class SwarmUpdatePolicyTests
{
    [Theory]
    [InlineData("workers-b-backtest-worker-1")]
    [InlineData("backend")]
    [InlineData("db")]
    public void Monitor_outlasts_start_period_plus_retries_times_interval(string service)
    {
        using var tree = new DeployTree();
        var spec = tree.Stack().Service(service);
        TimeSpan Seconds(params object[] path) => PromDuration.Parse(spec.At(path))!.Value;

        var decided = Seconds("healthcheck", "start_period") + int.Parse(spec.At("healthcheck", "retries")!) * Seconds("healthcheck", "interval");
        Assert.True(Seconds("deploy", "update_config", "monitor") > decided, $"{service}: monitor {spec.At("deploy", "update_config", "monitor")} <= {decided}");
        Assert.Equal(spec.At("deploy", "update_config", "monitor"), spec.At("deploy", "rollback_config", "monitor"));
    }

    [Fact]
    public void Workers_are_watched_for_start_period_40s_plus_3_probes_of_30s_plus_one_timeout()
    {
        using var tree = new DeployTree();
        Assert.Equal("140s", tree.Stack().Service("workers-b-training-worker-1").At("deploy", "update_config", "monitor"));
    }

    [Fact]
    public void An_update_replaces_one_task_and_a_failed_one_is_rolled_back_by_swarm()
    {
        using var tree = new DeployTree();
        var deploy = tree.Stack().Service("workers-b-backtest-worker-1");

        Assert.Equal(("1", "rollback", "0"), (deploy.At("deploy", "update_config", "parallelism"), deploy.At("deploy", "update_config", "failure_action"),
            deploy.At("deploy", "update_config", "max_failure_ratio")));
        Assert.Equal(("1", "pause"), (deploy.At("deploy", "rollback_config", "parallelism"), deploy.At("deploy", "rollback_config", "failure_action")));
    }

    [Fact]
    public void A_service_publishing_a_port_or_keeping_data_stops_first_and_any_other_starts_first()
    {
        using var tree = new DeployTree().Replace("environments/homelab/docker-compose.core.yml", "\n  prometheus:\n",
            "\n  sidecar:\n    image: ${KTRDR_IMAGE:?x}\n    command: sleep infinity\n\n  prometheus:\n");
        var stack = tree.Stack();

        Assert.Equal("stop-first", stack.Service("backend").At("deploy", "update_config", "order"));   // port 8000
        Assert.Equal("stop-first", stack.Service("db").At("deploy", "update_config", "order"));        // port and ktrdr_postgres_data
        Assert.Equal("start-first", stack.Service("sidecar").At("deploy", "update_config", "order"));
        Assert.Equal("start-first", stack.Service("sidecar").At("deploy", "rollback_config", "order"));
        Assert.Equal("30s", stack.Service("sidecar").At("deploy", "update_config", "monitor"));        // no healthcheck
    }

    [Theory]
    [InlineData("unless-stopped", "any")]
    [InlineData("always", "any")]
    [InlineData("on-failure", "on-failure")]
    [InlineData("\"no\"", "none")]
    public void Restart_becomes_the_restart_policy(string restart, string condition)
    {
        using var tree = new DeployTree().Replace("environments/homelab/docker-compose.gpu-worker.yml", "restart: unless-stopped", $"restart: {restart}");
        Assert.Equal(condition, tree.Stack().Service("gpu-gpu-training-worker").At("deploy", "restart_policy", "condition"));
    }

    [Fact]
    public void An_unknown_restart_value_is_an_error_at_its_line()
    {
        using var tree = new DeployTree().Replace("environments/homelab/docker-compose.gpu-worker.yml", "restart: unless-stopped", "restart: sometimes");
        var d = tree.Stack().Single("services.gpu-training-worker.restart");

        Assert.Equal(tree.LineOf("environments/homelab/docker-compose.gpu-worker.yml", "restart: sometimes"), d.Line);
        Assert.Contains("found \"sometimes\"", d.Message);
    }
}
