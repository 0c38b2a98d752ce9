using Ktrdr.Deploy.Rollout.Orchestration;
using Ktrdr.Deploy.Topology;
using Rollout.Tests.Support;

namespace Rollout.Tests.Orchestration;

/// <summary>
/// A run reads every node it deploys once, all at once under one lock: the first deploy target of a run that plans
/// several reads (and deploys) the nodes of the later ones, which then have nothing left; a target run alone, or for one
/// node, reads exactly its nodes.
/// </summary>
public class NodeReadsTests : IDisposable
{
    private readonly string _artifacts = Directory.CreateTempSubdirectory("ktrdr-node-reads-").FullName;
    private readonly EnvironmentTopology _lab = Nodes.Lab();
    private readonly InMemoryConnections _connections = new();
    private readonly RenderedLab _rendered;

    public NodeReadsTests()
    {
        _rendered = new RenderedLab(_lab, _connections, _artifacts);
        _connections.Node("core").On("if mkdir", "acquired\n");
    }

    public void Dispose() => Directory.Delete(_artifacts, recursive: true);

    private static readonly string[] AllTargets = ["DeployCore", "DeployWorkers", "DeployGpu"];

    private static DeployOptions Options(params string[] planned) =>
        new([], Force: false, DryRun: false, TimeSpan.FromSeconds(5), 1, TimeSpan.FromSeconds(5)) { PlannedTargets = planned };

    private async Task Run(OperationScope scope, DeployOptions options, params NodeRole[] roles)
    {
        foreach (var role in roles) await DeployOperation.DeployRoleAsync(scope, role, options, CancellationToken.None);
    }

    [Fact]
    public async Task A_run_of_every_deploy_target_reads_every_node_once()
    {
        _rendered.All();
        var scope = NoOutsideWorld.Scope(_lab, _connections, _artifacts);

        await Run(scope, Options(AllTargets), NodeRole.Core, NodeRole.Workers, NodeRole.Gpu);

        foreach (var node in new[] { "core", "workers-b", "workers-c", "gpu" }) Assert.Equal(1, _rendered.Reads(node));
    }

    [Fact]
    public async Task A_target_run_alone_for_one_node_reads_that_node_and_no_other()
    {
        _rendered.All();
        var scope = NoOutsideWorld.Scope(_lab, _connections, _artifacts);

        await DeployOperation.DeployRoleAsync(scope, NodeRole.Workers, Options("DeployWorkers") with { TargetNodes = ["workers-b"] }, CancellationToken.None);

        Assert.Equal(1, _rendered.Reads("workers-b"));
        Assert.All(new[] { "core", "workers-c", "gpu" }, n => Assert.Equal(0, _rendered.Reads(n)));
    }

    [Fact]
    public async Task Only_the_planned_targets_nodes_are_read()
    {
        _rendered.All();
        var scope = NoOutsideWorld.Scope(_lab, _connections, _artifacts);

        await Run(scope, Options("DeployCore", "DeployGpu"), NodeRole.Core, NodeRole.Gpu);

        Assert.Equal((1, 0, 0, 1), (_rendered.Reads("core"), _rendered.Reads("workers-b"), _rendered.Reads("workers-c"), _rendered.Reads("gpu")));
    }

    [Fact]
    public async Task Each_deploy_of_every_role_reads_every_node_once_also_when_one_process_runs_two()
    {
        _rendered.All();
        var scope = NoOutsideWorld.Scope(_lab, _connections, _artifacts);

        await DeployOperation.DeployAllAsync(scope, Options(), CancellationToken.None);
        await DeployOperation.DeployAllAsync(scope, Options(), CancellationToken.None);   // the benchmark's no-op line

        foreach (var node in new[] { "core", "workers-b", "workers-c", "gpu" }) Assert.Equal(2, _rendered.Reads(node));
    }
}
