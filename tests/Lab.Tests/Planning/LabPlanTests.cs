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
            ["ktrdr-lab-abc123-registry", "ktrdr-lab-abc123-dns", "ktrdr-lab-abc123-alert-sink", "ktrdr-lab-abc123-core", "ktrdr-lab-abc123-workers-b", "ktrdr-lab-abc123-workers-c", "ktrdr-lab-abc123-gpu"],
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
    public void The_alert_sink_answers_the_topologys_receiver_url_on_the_lab_network_and_reads_the_receivers_secret_file()
    {
        Assert.Equal(new LabAlertSink("alert-sink.ktrdr.lab", 9095, "/alerts", "/srv/checkout/.artifacts/lab/secrets/ALERT_RECEIVER_SECRET"), _plan.AlertSink);
        Assert.Equal("172.20.5.4", _plan.AlertSinkIp);
        Assert.Contains(("alert-sink.ktrdr.lab", "172.20.5.4"), _plan.HostEntries);
    }

    [Fact]
    public void A_lab_without_a_webhook_receiver_has_no_alert_sink()
    {
        var plan = LabPlan.Create("a", Ipv4Subnet.Parse("172.20.5.0/24"), 15000, LabPaths.For("/x"), LabSamples.Topology with { Alerting = null });
        Assert.Null(plan.AlertSink);
        Assert.DoesNotContain("ktrdr-lab-a-alert-sink", plan.Containers);
        Assert.DoesNotContain(plan.HostEntries, e => e.Name == "alert-sink.ktrdr.lab");
    }

    [Fact]
    public void A_receiver_url_the_lab_cannot_serve_is_refused_with_the_topology_field()
    {
        var topology = LabSamples.Topology with { Alerting = LabSamples.Topology.Alerting! with { ReceiverUrl = "https://ntfy.example.org/ktrdr" } };
        var error = Assert.Throws<LabException>(() => LabPlan.Create("a", Ipv4Subnet.Parse("172.20.5.0/24"), 15000, LabPaths.For("/x"), topology));
        Assert.Contains("topology.yml: alerting.receiver.url", error.Message);
        Assert.Contains("http://alert-sink.ktrdr.lab:9095/alerts", error.Message);
    }

    [Fact]
    public void A_receiver_name_outside_the_lab_domain_is_refused_because_containers_in_the_nodes_could_not_resolve_it()
    {
        var topology = LabSamples.Topology with { Alerting = LabSamples.Topology.Alerting! with { ReceiverUrl = "http://alert-sink:9095/alerts" } };
        var error = Assert.Throws<LabException>(() => LabPlan.Create("a", Ipv4Subnet.Parse("172.20.5.0/24"), 15000, LabPaths.For("/x"), topology));
        Assert.Contains("alerting.receiver.url", error.Message);
        Assert.Contains("a name ending in .ktrdr.lab", error.Message);
        Assert.Contains("single-label", error.Message);
    }

    [Fact]
    public void An_unknown_node_lists_the_nodes_there_are() =>
        Assert.Contains("core, workers-b, workers-c, gpu", Assert.Throws<LabException>(() => _plan.Node("workers-z")).Message);
}
