using Ktrdr.Deploy.Rendering.Swarm;
using Ktrdr.Deploy.Topology;

namespace Rendering.Tests.Swarm;

/// <summary>Where each service runs: on its own node, one service per node and slot, reachable at that node's name and port.</summary>
public class SwarmPlacementTests
{
    [Fact]
    public void Every_worker_slot_is_a_service_of_its_own_node_with_a_stable_id_and_its_node_url()
    {
        using var tree = new DeployTree();
        var stack = tree.Stack();

        Assert.Equal(["db", "backend", "prometheus", "alertmanager", "node-exporter", "workers-b-backtest-worker-1", "workers-b-training-worker-1",
            "workers-c-backtest-worker-1", "workers-c-training-worker-1", "gpu-gpu-training-worker"], stack.ServiceNames());
        var slot = stack.Service("workers-c-training-worker-1");
        Assert.Equal("workers-c-training-1", slot.At("environment", "KTRDR_WORKER_ID"));
        Assert.Equal("http://workers-c.ktrdr.lab:5005", slot.At("environment", "KTRDR_WORKER_PUBLIC_BASE_URL"));
        Assert.Equal(["node.labels.ktrdr.node == workers-c"], slot.List("deploy", "placement", "constraints"));
        Assert.Equal("1", slot.At("deploy", "replicas"));
    }

    [Fact]
    public void Published_ports_open_on_the_service_node_only_not_through_the_routing_mesh()
    {
        using var tree = new DeployTree();
        var stack = tree.Stack();

        var publishing = stack.ServiceNames().Where(name => stack.Service(name).Children.ContainsKey("ports")).ToList();
        Assert.Contains("backend", publishing);
        Assert.Contains("workers-b-backtest-worker-1", publishing);
        foreach (var name in publishing)
            Assert.All(((YamlDotNet.RepresentationModel.YamlSequenceNode)stack.Service(name)["ports"]).Children,
                p => Assert.Equal("host", p.At("mode")));
        Assert.Equal(("5003", "5003"), (stack.Service("workers-b-backtest-worker-1").At("ports", 0, "target"),
            stack.Service("workers-b-backtest-worker-1").At("ports", 0, "published")));
    }

    [Fact]
    public void Core_services_keep_their_names_so_the_stack_network_resolves_them()
    {
        using var tree = new DeployTree();
        var backend = tree.Stack().Service("backend");

        Assert.Equal("db", backend.At("environment", "DB_HOST"));
        Assert.Equal(["node.labels.ktrdr.node == core"], backend.List("deploy", "placement", "constraints"));
    }

    [Fact]
    public void Profiles_are_resolved_per_node_so_more_slots_is_one_topology_change()
    {
        using var tree = new DeployTree().Replace("environments/lab/topology.yml", "deploy_dir: /opt/ktrdr-workers-b",
            "deploy_dir: /opt/ktrdr-workers-b\n    profiles: [scale-2, scale-3]");
        var names = tree.Stack().ServiceNames();

        Assert.Equal(6, names.Count(n => n.StartsWith("workers-b-", StringComparison.Ordinal)));
        Assert.Equal(2, names.Count(n => n.StartsWith("workers-c-", StringComparison.Ordinal)));
        Assert.Contains("workers-b-training-worker-3", names);
    }

    [Fact]
    public void The_gpu_worker_is_pinned_to_the_gpu_node_by_its_label_and_no_service_reserves_a_generic_resource()
    {
        using var tree = new DeployTree();
        var stack = tree.Stack();

        var gpu = stack.Service("gpu-gpu-training-worker");
        Assert.Equal(["node.labels.ktrdr.node == gpu"], gpu.List("deploy", "placement", "constraints"));
        // Swarm's constraint enforcer rejects a task holding all of a node's units (docker/cli#1805): see docs/swarm.md
        Assert.DoesNotContain("generic_resources", stack.Text);
    }

    [Fact]
    public void Node_labels_come_from_the_topology()
    {
        using var tree = new DeployTree();
        var gpu = tree.Topology("lab").FindNode("gpu")!;

        Assert.Equal(new Dictionary<string, string> { ["ktrdr.node"] = "gpu", ["ktrdr.role"] = "gpu" }, SwarmNames.Labels(gpu));
        Assert.Equal("node.labels.ktrdr.node == gpu", SwarmNames.PlacedOn(gpu));
    }

    [Fact]
    public void Bundle_files_are_bound_from_the_node_deploy_directory_and_named_volumes_keep_their_fixed_names()
    {
        using var tree = new DeployTree();
        var stack = tree.Stack();

        Assert.Contains("/opt/ktrdr-core/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro", stack.Service("prometheus").List("volumes"));
        Assert.Equal("ktrdr_postgres_data", stack.Root().At("volumes", "postgres_data", "name"));
    }

    [Fact]
    public void Only_core_carries_the_stack_file_and_compose_mode_renders_none()
    {
        using var tree = new DeployTree();
        var topology = tree.Topology("lab");
        var problems = new List<Diagnostic>();
        var sources = Ktrdr.Deploy.Rendering.Bundles.DeploySources.Load(tree.Root, topology, problems);

        var swarm = Ktrdr.Deploy.Rendering.Bundles.BundleRenderer.RenderAll(topology with { Engine = DeployEngine.Swarm }, sources, DeployTree.Tag);
        var compose = Ktrdr.Deploy.Rendering.Bundles.BundleRenderer.RenderAll(topology, sources, DeployTree.Tag);

        Assert.Equal(["core"], swarm.Where(b => b.File(SwarmStack.FileName) is not null).Select(b => b.Node.Name));
        Assert.All(compose, b => Assert.Null(b.File(SwarmStack.FileName)));
    }
}
