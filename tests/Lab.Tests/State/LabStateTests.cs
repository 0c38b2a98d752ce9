using Ktrdr.Deploy.Lab.Planning;
using Ktrdr.Deploy.Lab.State;
using Ktrdr.Deploy.Lab.Tests.Support;

namespace Ktrdr.Deploy.Lab.Tests.State;

public sealed class LabStateTests : IDisposable
{
    private readonly ScratchDirectory _root = new();

    private LabState Sample => LabState.From(LabSamples.Plan(root: _root.Path), "unix:///run/ktrdr-lab/docker.sock", daemonStartedByLab: true);

    [Fact]
    public void The_state_is_saved_and_loaded_as_it_was()
    {
        Sample.Save(_root.Path);
        var loaded = LabState.Load(_root.Path);
        Assert.Equal(Sample.Id, loaded.Id);
        Assert.Equal(Sample.Nodes, loaded.Nodes);
        Assert.Equal(Sample.Containers, loaded.Containers);
        Assert.Equal(Sample.Volumes, loaded.Volumes);
        Assert.Equal(15123, loaded.RegistryHostPort);
        Assert.Equal("127.0.0.1:15123", loaded.RegistryPushHost);
        Assert.True(loaded.DaemonStartedByLab);
        Assert.Equal("unix:///run/ktrdr-lab/docker.sock", loaded.DockerEnvironment["DOCKER_HOST"]);
        Assert.Contains("\"subnet\": \"172.20.5.0/24\"", File.ReadAllText(LabPaths.For(_root.Path).StateFile));
    }

    [Fact]
    public void Without_a_lab_load_says_to_run_LabUp()
    {
        Assert.Null(LabState.TryLoad(_root.Path));
        Assert.Contains("Run ./build.sh LabUp first", Assert.Throws<LabException>(() => LabState.Load(_root.Path)).Message);
    }

    [Fact]
    public void A_damaged_state_file_is_reported_with_its_path_and_line()
    {
        var file = LabPaths.For(_root.Path).StateFile;
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, "{\n  \"id\": \"abc123\",\n  \"subnet\": \n");
        var error = Assert.Throws<LabException>(() => LabState.Load(_root.Path));
        Assert.Contains(file, error.Message);
        Assert.Contains("line 4", error.Message);
        Assert.Contains("LabDown", error.Message);
    }

    [Fact]
    public void Apply_points_every_node_at_its_lab_address_and_pushes_over_loopback()
    {
        var env = LabTopology.Apply(LabSamples.Topology, Sample);
        Assert.Equal(["172.20.5.10", "172.20.5.11", "172.20.5.12", "172.20.5.13"], env.Nodes.Select(n => n.Address));
        Assert.Equal("backend.ktrdr.lab", env.FindNode("core")!.Host);
        Assert.Equal("127.0.0.1:15123/ktrdr", env.Registry.Url);
        Assert.Equal("registry.ktrdr.lab:5000/ktrdr", env.Registry.PullUrl);
        Assert.Null(LabSamples.Topology.Nodes[0].Address);
    }

    [Fact]
    public void Apply_refuses_a_topology_with_a_node_the_lab_does_not_have()
    {
        var state = Sample with { Nodes = Sample.Nodes.Where(n => n.Key != "gpu").ToDictionary() };
        var error = Assert.Throws<LabException>(() => LabTopology.Apply(LabSamples.Topology, state));
        Assert.Contains("no node 'gpu'", error.Message);
        Assert.Contains("LabDown, then LabUp", error.Message);
    }

    public void Dispose() => _root.Dispose();
}
