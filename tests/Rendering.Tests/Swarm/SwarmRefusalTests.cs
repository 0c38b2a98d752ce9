using Ktrdr.Deploy.Topology;

namespace Rendering.Tests.Swarm;

/// <summary>What Swarm ignores is replaced (a note says how) or refused (an error at the compose line): never dropped silently.</summary>
public class SwarmRefusalTests
{
    private const string Gpu = "environments/homelab/docker-compose.gpu-worker.yml";
    private const string Core = "environments/homelab/docker-compose.core.yml";

    [Fact]
    public void Devices_are_refused_with_the_gpu_way_in_the_hint()
    {
        using var tree = new DeployTree().Replace(Gpu, "    restart: unless-stopped", "    restart: unless-stopped\n    devices: [\"/dev/nvidia0:/dev/nvidia0\"]");
        var d = tree.Stack().Single("services.gpu-training-worker.devices");

        Assert.Equal(tree.LineOf(Gpu, "devices:"), d.Line);
        Assert.Contains("devices is not rendered for a Swarm stack", d.Message);
        Assert.Contains("nvidia runtime", d.Hint);
    }

    [Theory]
    [InlineData("container_name: gpu-worker", "services.gpu-training-worker.container_name", "service name")]
    [InlineData("network_mode: host", "services.gpu-training-worker.network_mode", "publish a port")]
    [InlineData("cap_add: [SYS_ADMIN]", "services.gpu-training-worker.cap_add", "engine: compose")]
    public void Keys_swarm_has_no_counterpart_for_are_refused(string line, string field, string hint)
    {
        using var tree = new DeployTree().Replace(Gpu, "    restart: unless-stopped", $"    restart: unless-stopped\n    {line}");
        Assert.Contains(hint, tree.Stack().Single(field).Hint);
    }

    [Fact]
    public void Depends_on_is_replaced_by_the_restart_policy_and_said_in_a_note()
    {
        using var tree = new DeployTree();
        var stack = tree.Stack();
        var note = stack.Single("services.backend.depends_on", DiagnosticSeverity.Note);

        Assert.Contains("backend starts without waiting for db", note.Message);
        Assert.Equal("any", stack.Service("backend").At("deploy", "restart_policy", "condition"));
        Assert.DoesNotContain(stack.Diagnostics, x => x.IsError);
    }

    [Fact]
    public void A_runtime_other_than_runc_is_a_warning_naming_the_node_daemon_setting()
    {
        using var tree = new DeployTree();
        var warning = tree.Stack("homelab").Single("services.gpu-training-worker.runtime", DiagnosticSeverity.Warning);

        Assert.Contains("default-runtime", warning.Message);
        Assert.Contains("gpu's dockerd", warning.Hint);
        Assert.DoesNotContain(tree.Stack("lab").Diagnostics, x => x.Field.EndsWith(".runtime", StringComparison.Ordinal));   // runc: nothing to say
    }

    [Fact]
    public void One_added_group_becomes_the_primary_group_and_two_are_refused()
    {
        using var tree = new DeployTree();
        var stack = tree.Stack();
        Assert.Equal("999:1500", stack.Service("backend").At("user"));
        Assert.Contains("stay in that group", stack.Single("services.backend.group_add", DiagnosticSeverity.Note).Message);

        using var two = new DeployTree().Replace(Gpu, "group_add: [\"1500\"]", "group_add: [\"1500\", \"44\"]");
        Assert.Contains("2 supplementary groups", two.Stack().Single("services.gpu-training-worker.group_add").Message);
    }

    [Fact]
    public void A_port_bound_to_one_address_is_refused()
    {
        using var tree = new DeployTree().Replace(Gpu, "ports: [\"5005:5005\"]", "ports: [\"127.0.0.1:5005:5005\"]");
        var d = tree.Stack().Single("services.gpu-training-worker.ports");

        Assert.Contains("published on 127.0.0.1 only", d.Message);
        Assert.Equal(tree.LineOf(Gpu, "127.0.0.1:5005"), d.Line);
    }

    [Fact]
    public void A_bind_leaving_the_deploy_directory_is_refused()
    {
        using var tree = new DeployTree().Replace(Core, "./prometheus/rules:/etc", "../elsewhere/rules:/etc");
        Assert.Contains("leaves the node's deploy directory", tree.Stack().Single("services.prometheus.volumes").Message);
    }

    [Fact]
    public void Tmpfs_options_swarm_cannot_apply_are_said_in_a_note()
    {
        using var tree = new DeployTree();
        var stack = tree.Stack();

        Assert.Contains("mode=0700,uid=65534", stack.Single("services.alertmanager.tmpfs", DiagnosticSeverity.Note).Message);
        Assert.Equal(("tmpfs", "/run/alertmanager"), (stack.Service("alertmanager").At("volumes", 2, "type"), stack.Service("alertmanager").At("volumes", 2, "target")));
    }

    [Fact]
    public void A_variable_passed_through_from_the_shell_has_no_value_in_a_stack_and_is_refused()
    {
        using var tree = new DeployTree().Replace(Gpu, "      NVIDIA_VISIBLE_DEVICES: all", "      NVIDIA_VISIBLE_DEVICES: all\n      HTTP_PROXY:");
        Assert.Contains("passed through from the deploying shell", tree.Stack().Single("services.gpu-training-worker.environment.HTTP_PROXY").Message);
    }

    [Fact]
    public void Two_services_that_would_share_a_stack_name_are_refused()
    {
        // A core service named like a worker node's slot: core keeps its compose names, other nodes prefix theirs.
        using var tree = new DeployTree().Replace(Core, "\n  prometheus:\n", "\n  gpu-gpu-training-worker:\n    image: ${KTRDR_IMAGE:?x}\n\n  prometheus:\n");
        Assert.Contains("a second Swarm service named gpu-gpu-training-worker", tree.Stack().Single("services.gpu-training-worker").Message);
    }
}
