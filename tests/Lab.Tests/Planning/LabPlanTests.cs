using Ktrdr.Deploy.Lab.Planning;
using Ktrdr.Deploy.Lab.Tests.Support;

namespace Ktrdr.Deploy.Lab.Tests.Planning;

public sealed class LabPlanTests
{
    private readonly LabPlan _plan = LabSamples.Plan();

    [Fact]
    public void Every_name_carries_the_lab_id()
    {
        Assert.Equal("ktrdr.lab=abc123", _plan.Label);
        Assert.Equal("ktrdr-lab-abc123-net", _plan.Network);
        Assert.Equal(
            ["ktrdr-lab-abc123-registry", "ktrdr-lab-abc123-dns", "ktrdr-lab-abc123-core", "ktrdr-lab-abc123-workers-b", "ktrdr-lab-abc123-workers-c", "ktrdr-lab-abc123-gpu"],
            _plan.Containers);
        Assert.Equal(
            ["ktrdr-lab-abc123-registry-data", "ktrdr-lab-abc123-core-docker", "ktrdr-lab-abc123-workers-b-docker", "ktrdr-lab-abc123-workers-c-docker", "ktrdr-lab-abc123-gpu-docker"],
            _plan.Volumes);
    }

    [Fact]
    public void Addresses_follow_the_shape_of_the_lab()
    {
        Assert.Equal("172.20.5.2", _plan.RegistryIp);
        Assert.Equal("172.20.5.3", _plan.DnsIp);
        Assert.Equal(
            [("core", "backend.ktrdr.lab", "172.20.5.10"), ("workers-b", "workers-b.ktrdr.lab", "172.20.5.11"),
             ("workers-c", "workers-c.ktrdr.lab", "172.20.5.12"), ("gpu", "ktrdr-gpuworker.ktrdr.lab", "172.20.5.13")],
            _plan.Nodes.Select(n => (n.Name, n.DnsName, n.Ip)));
        Assert.Contains(("registry.ktrdr.lab", "172.20.5.2"), _plan.HostEntries);
    }

    [Fact]
    public void The_gpu_node_is_reached_as_a_non_root_user_and_the_others_as_root()
    {
        Assert.Equal("ktrdr", _plan.Node("gpu").SshUser);
        Assert.All(_plan.Nodes.Where(n => n.Name != "gpu"), n => Assert.Equal("root", n.SshUser));
    }

    [Fact]
    public void The_registry_is_pushed_to_over_loopback_and_pulled_from_by_its_lab_name()
    {
        Assert.Equal("127.0.0.1:15123", _plan.RegistryPushHost);
        Assert.Equal("registry.ktrdr.lab:5000", _plan.RegistryPullHost);
    }

    [Fact]
    public void Files_live_under_the_checkouts_artifacts_folder_where_the_topology_expects_them()
    {
        Assert.Equal("/srv/checkout/.artifacts/lab/lab.json", _plan.Paths.StateFile);
        var gpu = LabSamples.Topology.FindNode("gpu")!;
        Assert.Equal(_plan.Paths.PrivateKey, Path.Combine("/srv/checkout", gpu.Ssh.IdentityFile));
        Assert.Equal(_plan.Paths.KnownHosts, Path.Combine("/srv/checkout", gpu.Ssh.KnownHostsFile));
    }

    [Fact]
    public void A_pull_url_on_another_port_than_the_registrys_is_refused()
    {
        var topology = LabSamples.Topology with { Registry = LabSamples.Topology.Registry with { PullUrl = "registry.ktrdr.lab:5001/ktrdr" } };
        var error = Assert.Throws<LabException>(() => LabPlan.Create("a", Ipv4Subnet.Parse("172.20.5.0/24"), 15000, LabPaths.For("/x"), topology));
        Assert.Contains("registry.pull_url", error.Message);
        Assert.Contains("registry.ktrdr.lab:5001/ktrdr", error.Message);
        Assert.Contains("topology.yml", error.Message);
    }

    [Fact]
    public void An_unknown_node_lists_the_nodes_there_are() =>
        Assert.Contains("core, workers-b, workers-c, gpu", Assert.Throws<LabException>(() => _plan.Node("workers-z")).Message);
}
