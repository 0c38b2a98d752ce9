using Ktrdr.Deploy.Lab.Planning;
using Ktrdr.Deploy.Lab.Docker;
using Ktrdr.Deploy.Lab.Tests.Support;

namespace Ktrdr.Deploy.Lab.Tests.Planning;

public sealed class DockerArgsTests
{
    private readonly LabPlan _plan = LabSamples.Plan();

    private IReadOnlyList<ContainerSpec> Specs => ContainerSpec.For(_plan, new LabImageSet("ktrdr-lab/node:1", "ktrdr-lab/registry:1", "ktrdr-lab/dns:1", "ktrdr-lab/alert-sink:1"));

    private static string Value(IReadOnlyList<string> args, string option) => args[args.ToList().IndexOf(option) + 1];

    private static IEnumerable<string> Values(IReadOnlyList<string> args, string option) =>
        args.Select((a, i) => (a, i)).Where(x => x.a == option).Select(x => args[x.i + 1]);

    [Fact]
    public void A_node_gets_exactly_what_runs_a_docker_daemon_on_this_kernel()
    {
        var args = DockerArgs.RunNode(_plan, _plan.Node("workers-b"), "ktrdr-lab/node:1");
        Assert.Equal(["SYS_ADMIN", "NET_ADMIN", "SYS_PTRACE"], Values(args, "--cap-add"));
        Assert.Equal(["seccomp=unconfined", "apparmor=unconfined"], Values(args, "--security-opt"));
        Assert.Equal(
            ["/sys/fs/cgroup:/sys/fs/cgroup:rw", "ktrdr-lab-abc123-workers-b-docker:/var/lib/docker",
             "/srv/checkout/.artifacts/lab/shared:/mnt/ktrdr_data", "/srv/checkout/.artifacts/lab/mounts:/etc/ktrdr-lab:ro"],
            Values(args, "-v"));
        Assert.Equal(["KTRDR_LAB_DNS=172.20.5.3", "KTRDR_LAB_REGISTRY=registry.ktrdr.lab:5000"], Values(args, "-e"));
        Assert.Equal("172.20.5.11", Value(args, "--ip"));
        Assert.Equal("workers-b.ktrdr.lab", Value(args, "--hostname"));
        Assert.Equal("ktrdr-lab/node:1", args[^1]);
    }

    [Fact]
    public void No_container_is_ever_privileged() =>
        Assert.All(Specs, s => Assert.DoesNotContain(s.RunArguments, a => a.Contains("privileged", StringComparison.Ordinal)));

    [Fact]
    public void Every_container_is_labelled_on_the_lab_network_and_knows_every_lab_name()
    {
        var names = _plan.HostEntries.Select(e => $"{e.Name}:{e.Ip}").ToList();
        Assert.Equal(7, Specs.Count);
        Assert.All(Specs, s =>
        {
            Assert.Equal("ktrdr.lab=abc123", Value(s.RunArguments, "--label"));
            Assert.Equal("ktrdr-lab-abc123-net", Value(s.RunArguments, "--network"));
            Assert.Equal(s.Name, Value(s.RunArguments, "--name"));
            Assert.Equal(names, Values(s.RunArguments, "--add-host"));
        });
    }

    [Fact]
    public void The_registry_is_published_on_loopback_only_and_keeps_its_images_in_a_lab_volume()
    {
        var args = DockerArgs.RunRegistry(_plan, "ktrdr-lab/registry:1");
        Assert.Equal("127.0.0.1:15123:5000", Value(args, "-p"));
        Assert.Equal("ktrdr-lab-abc123-registry-data:/var/lib/docker-registry", Value(args, "-v"));
        Assert.Equal("172.20.5.2", Value(args, "--ip"));
    }

    [Fact]
    public void The_dns_listens_on_its_lab_address_and_answers_for_the_lab_domain()
    {
        var args = DockerArgs.RunDns(_plan, "ktrdr-lab/dns:1");
        Assert.Equal(["--listen-address=172.20.5.3", "--local=/ktrdr.lab/"], args.TakeLast(2));
    }

    [Fact]
    public void The_alert_sink_mounts_the_receivers_secret_file_read_only_and_never_has_its_value_in_its_arguments()
    {
        var spec = Specs.Single(s => s.Name == "ktrdr-lab-abc123-alert-sink");
        Assert.Equal("172.20.5.4", Value(spec.RunArguments, "--ip"));
        Assert.Equal(["/srv/checkout/.artifacts/lab/secrets/ALERT_RECEIVER_SECRET:/run/alert-sink/secret:ro"], Values(spec.RunArguments, "-v"));
        Assert.Empty(Values(spec.RunArguments, "-e"));
        Assert.Equal(["ktrdr-lab/alert-sink:1", "--port", "9095", "--path", "/alerts", "--secret-file", "/run/alert-sink/secret"], spec.RunArguments.TakeLast(7));
    }

    [Fact]
    public void The_network_and_volumes_are_created_with_the_label_so_LabDown_finds_them()
    {
        Assert.Equal(["network", "create", "--driver", "bridge", "--subnet", "172.20.5.0/24", "--gateway", "172.20.5.1", "--label", "ktrdr.lab=abc123", "ktrdr-lab-abc123-net"],
            DockerArgs.CreateNetwork(_plan));
        Assert.Equal(["volume", "create", "--label", "ktrdr.lab=abc123", "v"], DockerArgs.CreateVolume(_plan, "v"));
        Assert.Equal(["ps", "--all", "--filter", "label=ktrdr.lab=abc123", "--format", "{{.Names}}"], DockerArgs.ListLabelled("container", _plan.Label));
    }

    [Fact]
    public void Images_are_built_from_the_lab_base()
    {
        var args = DockerArgs.Build("ktrdr-lab/dns:1", "/d/dns", "ktrdr-lab/debian:bookworm");
        Assert.Equal("BASE_IMAGE=ktrdr-lab/debian:bookworm", Value(args, "--build-arg"));
        Assert.Equal("/d/dns", args[^1]);
    }
}
