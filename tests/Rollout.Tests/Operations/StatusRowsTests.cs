using Ktrdr.Deploy.Commands.Compose;
using Ktrdr.Deploy.Rollout.Deploy;
using Ktrdr.Deploy.Rollout.Status;
using Rollout.Tests.Support;

namespace Rollout.Tests.Operations;

public class StatusRowsTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2025-03-10T12:00:00Z");

    private static DeployStamp Stamp(string? tag = "sha-7c8143b", DateTimeOffset? deployedAt = null, string? by = "alice@laptop") =>
        new("3f2a9c01d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d", new Dictionary<string, string>(), ["backend"])
        {
            Tag = tag, DeployedAt = deployedAt, By = by,
        };

    [Theory]
    [InlineData("registry.ktrdr.lab:5000/ktrdr/ktrdr-backend:sha-1234567", "sha-1234567")]
    [InlineData("host:5000/a/b", "latest")]
    [InlineData("a/b:1.0@sha256:abc", "1.0")]
    [InlineData("grafana/grafana:11.3.0", "11.3.0")]
    [InlineData("postgres", "latest")]
    [InlineData("postgres:16", "16")]
    public void ImageTag_is_the_part_after_the_last_colon_of_the_name(string image, string expected) =>
        Assert.Equal(expected, StatusRows.ImageTag(image));

    [Theory]
    [InlineData("running", ContainerHealth.Healthy, 0, "running, healthy")]
    [InlineData("running", ContainerHealth.Unhealthy, 0, "running, UNHEALTHY")]
    [InlineData("running", ContainerHealth.Starting, 0, "running, starting")]
    [InlineData("running", ContainerHealth.None, 0, "running")]
    [InlineData("exited", ContainerHealth.None, 2, "exited (2)")]
    [InlineData("exited", ContainerHealth.Unhealthy, 137, "exited (137)")]
    [InlineData("created", ContainerHealth.None, 0, "created")]
    [InlineData("restarting", ContainerHealth.Starting, 1, "restarting")]
    public void State_combines_docker_state_health_and_exit_code(string state, ContainerHealth health, int exitCode, string expected) =>
        Assert.Equal(expected, StatusRows.State(Containers.Container("backend", state, health, exitCode)));

    [Theory]
    [InlineData(40, "40s")]
    [InlineData(0, "0s")]
    [InlineData(59, "59s")]
    [InlineData(60, "1m00s")]
    [InlineData(7 * 60 + 12, "7m12s")]
    [InlineData(59 * 60 + 59, "59m59s")]
    [InlineData(2 * 3600 + 5 * 60 + 30, "2h05m")]
    [InlineData(23 * 3600 + 59 * 60, "23h59m")]
    [InlineData(3 * 86400 + 4 * 3600 + 59 * 60, "3d4h")]
    [InlineData(-5, "0s")]
    [InlineData(-4000, "0s")]
    public void Age_is_short_and_uses_the_two_largest_units(int seconds, string expected) =>
        Assert.Equal(expected, StatusRows.Age(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void An_unreachable_node_is_one_row_with_its_error_and_nothing_else()
    {
        var nodes = new[] { new NodeStatus("core", "ssh: connection refused", Stamp(deployedAt: Now.AddHours(-1)), [Containers.Container("db")]) };

        var row = Assert.Single(StatusRows.From(nodes, Now));

        Assert.Equal(new StatusRow("core", "-", "-", "unreachable: ssh: connection refused", "-", "-"), row);
    }

    [Fact]
    public void A_node_without_containers_is_one_row_that_still_tells_the_last_deploy()
    {
        var nodes = new[] { new NodeStatus("workers-b", null, Stamp(deployedAt: Now.AddMinutes(-7).AddSeconds(-12)), []) };

        var row = Assert.Single(StatusRows.From(nodes, Now));

        Assert.Equal(new StatusRow("workers-b", "-", "-", "no containers", "-", "sha-7c8143b 7m12s ago by alice@laptop"), row);
    }

    [Fact]
    public void A_node_never_deployed_says_so()
    {
        var nodes = new[] { new NodeStatus("workers-b", null, null, []) };

        Assert.Equal("never (no stamp)", Assert.Single(StatusRows.From(nodes, Now)).LastDeploy);
    }

    [Fact]
    public void A_stamp_without_tag_time_or_author_is_a_question_mark()
    {
        var nodes = new[] { new NodeStatus("workers-b", null, Stamp(tag: null, deployedAt: null, by: null), []) };

        Assert.Equal("?", Assert.Single(StatusRows.From(nodes, Now)).LastDeploy);
    }

    [Fact]
    public void Each_container_is_a_row_with_its_tag_state_uptime_and_the_nodes_last_deploy()
    {
        var backend = Containers.Container("backend", health: ContainerHealth.Healthy) with { StartedAt = Now.AddHours(-2).AddMinutes(-5) };
        var worker = Containers.Container("worker", state: "exited", exitCode: 2) with { StartedAt = Now.AddDays(-1) };
        var nodes = new[] { new NodeStatus("core", null, Stamp(deployedAt: Now.AddDays(-3).AddHours(-4)), [backend, worker]) };

        var rows = StatusRows.From(nodes, Now);

        Assert.Equal(
            [
                new StatusRow("core", "backend", "sha-7c8143b", "running, healthy", "2h05m", "sha-7c8143b 3d4h ago by alice@laptop"),
                new StatusRow("core", "worker", "sha-7c8143b", "exited (2)", "-", "sha-7c8143b 3d4h ago by alice@laptop"),
            ],
            rows);
    }

    [Fact]
    public void A_running_container_without_a_start_time_has_no_uptime()
    {
        var nodes = new[] { new NodeStatus("core", null, null, [Containers.Container("backend")]) };

        var row = Assert.Single(StatusRows.From(nodes, Now));

        Assert.Equal("-", row.Uptime);
        Assert.Equal("running", row.State);
        Assert.Equal("never (no stamp)", row.LastDeploy);
    }

    [Fact]
    public void Rows_keep_the_order_of_the_nodes_and_their_containers()
    {
        var nodes = new[]
        {
            new NodeStatus("core", null, null, [Containers.Container("db"), Containers.Container("backend")]),
            new NodeStatus("workers-a", "timeout", null, []),
            new NodeStatus("workers-b", null, null, []),
        };

        var rows = StatusRows.From(nodes, Now);

        Assert.Equal(["core/db", "core/backend", "workers-a/-", "workers-b/-"], rows.Select(r => $"{r.Node}/{r.Service}"));
    }
}
