using Ktrdr.Deploy.Lab.Docker;
using Ktrdr.Deploy.Lab.Down;
using Ktrdr.Deploy.Lab.Planning;
using Ktrdr.Deploy.Lab.Up;

namespace Ktrdr.Deploy.Lab.Tests.Integration;

/// <summary>A real lab, as the deploy targets will see it: nodes over SSH, their Docker daemons, the registry, the DNS, the shared tree.</summary>
[Collection(LabCollection.Name)]
[TestCaseOrderer(RunsLastOrderer.TypeName, RunsLastOrderer.AssemblyName)]
public sealed class LabTests(LabFixture lab)
{
    public static TheoryData<string> Nodes => new() { "core", "workers-b", "workers-c", "gpu" };

    [Theory]
    [MemberData(nameof(Nodes))]
    public async Task Every_node_answers_over_ssh_with_its_host_key_checked_against_the_labs_known_hosts(string name)
    {
        await using var node = await lab.ConnectAsync(name);
        Assert.Equal(lab.Plan.Node(name).DnsName, await LabFixture.RunAsync(node, "hostname"));
    }

    [Fact]
    public void Every_node_has_its_own_host_key_vouched_for_by_name_and_address()
    {
        var lines = File.ReadAllLines(lab.Paths.KnownHosts).Where(l => !l.StartsWith('#')).Select(l => l.Split(' ')).ToList();
        Assert.Equal(lab.Plan.Nodes.Select(n => $"{n.DnsName},{n.Ip}"), lines.Select(l => l[0]));
        Assert.Equal(4, lines.Select(l => l[2]).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Nodes))]
    public async Task Every_node_runs_its_own_docker_daemon_and_compose_v1(string name)
    {
        await using var node = await lab.ConnectAsync(name);
        Assert.Matches(@"^\d+\.\d+", await LabFixture.RunAsync(node, "docker info --format '{{.ServerVersion}}'"));
        Assert.StartsWith("1.29", await LabFixture.RunAsync(node, "docker-compose version --short"));
        Assert.Contains("registry.ktrdr.lab:5000", await LabFixture.RunAsync(node, "docker info --format '{{json .RegistryConfig.IndexConfigs}}'"));
    }

    [Fact]
    public async Task The_gpu_nodes_user_is_not_root_is_in_group_1500_and_has_passwordless_sudo()
    {
        await using var gpu = await lab.ConnectAsync("gpu");
        Assert.Equal("ktrdr", await LabFixture.RunAsync(gpu, "id -un"));
        Assert.NotEqual("0", await LabFixture.RunAsync(gpu, "id -u"));
        Assert.Contains("1500", (await LabFixture.RunAsync(gpu, "id -G")).Split(' '));
        Assert.Equal("0", await LabFixture.RunAsync(gpu, "sudo -n id -u"));
    }

    [Fact]
    public async Task A_node_pulls_what_this_machine_pushed_to_the_lab_registry_and_only_with_the_login()
    {
        await using var node = await lab.ConnectAsync("workers-b");
        var path = await lab.PushTestImageAsync();
        var anonymous = await node.RunAsync(new Remote.RemoteCommand(
            $"DOCKER_CONFIG=$(mktemp -d) docker pull {lab.Plan.RegistryPullHost}/{path}", "anonymous pull"), CancellationToken.None);
        Assert.False(anonymous.Succeeded, "the lab registry served an image without a login");
        Assert.Contains("no basic auth credentials", anonymous.StandardError + anonymous.StandardOutput);

        var image = await lab.PullOnNodeAsync(node);
        Assert.Equal(image, await LabFixture.RunAsync(node, $"docker image inspect --format '{{{{index .RepoTags 0}}}}' {image}"));
    }

    [Fact]
    public async Task A_container_inside_a_node_resolves_lab_names_through_the_lab_dns()
    {
        await using var core = await lab.ConnectAsync("core");
        var image = await lab.PullOnNodeAsync(core);
        var answer = await LabFixture.RunAsync(core, $"docker run --rm {image} sh -c 'cat /etc/resolv.conf; getent hosts backend.ktrdr.lab registry.ktrdr.lab alert-sink.ktrdr.lab'");
        var lines = answer.Split('\n').Select(l => l.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Contains(["nameserver", lab.Plan.DnsIp], lines);
        Assert.Contains([lab.Plan.Node("core").Ip, "backend.ktrdr.lab"], lines);
        Assert.Contains([lab.Plan.RegistryIp, "registry.ktrdr.lab"], lines);
        Assert.Contains([lab.Plan.AlertSinkIp, "alert-sink.ktrdr.lab"], lines);   // the alert receiver Alertmanager on core posts to
    }

    [Fact]
    public async Task The_shared_tree_is_the_same_directory_on_every_node_and_on_this_machine()
    {
        var file = $"shared-{Guid.NewGuid():N}";
        await using (var core = await lab.ConnectAsync("core"))
            await LabFixture.RunAsync(core, $"echo written-on-core > /mnt/ktrdr_data/{file}");
        foreach (var name in new[] { "workers-b", "workers-c", "gpu" })
        {
            await using var node = await lab.ConnectAsync(name);
            Assert.Equal("written-on-core", await LabFixture.RunAsync(node, $"cat /mnt/ktrdr_data/{file}"));
        }
        Assert.Equal("written-on-core\n", File.ReadAllText(Path.Combine(lab.Paths.Shared, file)));
    }

    [Fact]
    public async Task LabUp_on_a_lab_that_is_up_changes_nothing()
    {
        var again = await LabLauncher.UpAsync(lab.Request, CancellationToken.None);
        Assert.Empty(again.Changes);
        Assert.Equal(lab.State.Subnet, again.State.Subnet);
        Assert.Equal(lab.State.RegistryHostPort, again.State.RegistryHostPort);
        Assert.Equal(lab.State.Nodes, again.State.Nodes);
    }

    [Fact]
    public async Task LabUp_starts_a_stopped_node_again_and_only_that_node()
    {
        var gpu = lab.Plan.Node("gpu");
        await lab.Docker.RunAsync(["stop", "--time", "2", gpu.Container], CancellationToken.None);
        var repaired = await LabLauncher.UpAsync(lab.Request, CancellationToken.None);
        Assert.Contains($"containers: started {gpu.Container}", repaired.Changes);
        Assert.DoesNotContain(repaired.Changes, c => c.Contains(lab.Plan.Node("core").Container, StringComparison.Ordinal));
        await using var node = await lab.ConnectAsync("gpu");
        Assert.Equal(gpu.DnsName, await LabFixture.RunAsync(node, "hostname"));
    }

    [Fact, RunsLast]
    public async Task LabDown_removes_everything_labelled_with_the_lab_id_and_nothing_else()
    {
        var otherLabs = await OtherLabContainersAsync();
        var report = await LabTeardown.DownAsync(lab.Root, lab.Id, CancellationToken.None);

        Assert.Contains($"container {lab.Plan.Node("gpu").Container}", report.Removed);
        Assert.Contains($"network {lab.Plan.Network}", report.Removed);
        Assert.Contains($"volume {lab.Plan.RegistryVolume}", report.Removed);
        if (await LabDaemon.FindAsync(lab.State.DockerHost, CancellationToken.None) is { } docker)
            foreach (var kind in new[] { "container", "network", "volume" })
                Assert.Empty((await docker.RunAsync(DockerArgs.ListLabelled(kind, lab.Plan.Label), CancellationToken.None)).Lines);
        else
            Assert.Empty(otherLabs); // the lab daemon stops only when no other lab is left on it
        Assert.False(Directory.Exists(lab.Paths.Directory));
        Assert.Equal(otherLabs, await OtherLabContainersAsync());
        Assert.True((await LabTeardown.DownAsync(lab.Root, lab.Id, CancellationToken.None)).NothingWasUp);
    }

    private async Task<IReadOnlyList<string>> OtherLabContainersAsync()
    {
        if (await LabDaemon.FindAsync(lab.State.DockerHost, CancellationToken.None) is not { } docker) return [];
        var all = (await docker.RunAsync(DockerArgs.ListLabelled("container", LabPlan.LabelKey), CancellationToken.None)).Lines;
        return [.. all.Where(c => !c.StartsWith(lab.Plan.Prefix + "-", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
    }
}
