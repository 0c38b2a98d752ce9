using Ktrdr.Deploy.Rollout;
using Ktrdr.Deploy.Rollout.Orchestration;
using Ktrdr.Deploy.Topology;
using Rollout.Tests.Support;

namespace Rollout.Tests.Orchestration;

/// <summary>engine: swarm: the deploy targets deploy one stack (lab proof: Build.Tests S2); no other node-changing target runs the compose path on it.</summary>
public class SwarmEngineTests : IDisposable
{
    private readonly string _artifacts = Directory.CreateTempSubdirectory("ktrdr-orchestration-").FullName;
    private readonly EnvironmentTopology _swarm = Nodes.Lab() with { Engine = DeployEngine.Swarm };
    private readonly InMemoryConnections _connections = new();

    public void Dispose() => Directory.Delete(_artifacts, recursive: true);

    private static readonly DeployOptions Options = new([], Force: false, DryRun: false, TimeSpan.FromSeconds(5), 1, TimeSpan.FromSeconds(5));

    [Fact]
    public async Task A_deploy_target_deploys_one_stack_so_it_refuses_target_node_before_any_node_is_read()
    {
        var error = await Assert.ThrowsAsync<RolloutException>(() =>
            DeployOperation.DeployRoleAsync(NoOutsideWorld.Scope(_swarm, _connections, _artifacts), NodeRole.Workers, Options with { TargetNodes = ["workers-b"] },
                CancellationToken.None));

        Assert.Contains("engine swarm deploys one stack for every node, so DeployWorkers takes no --target-node", error.Message);
        Assert.Empty(_connections.Nodes);
    }

    [Fact]
    public async Task DeployWorkers_and_DeployGpu_leave_the_stack_to_DeployCore_when_it_is_in_the_run()
    {
        var planned = Options with { PlannedTargets = ["DeployCore", "DeployWorkers", "DeployGpu"] };

        await DeployOperation.DeployRoleAsync(NoOutsideWorld.Scope(_swarm, _connections, _artifacts), NodeRole.Workers, planned, CancellationToken.None);
        await DeployOperation.DeployRoleAsync(NoOutsideWorld.Scope(_swarm, _connections, _artifacts), NodeRole.Gpu, planned, CancellationToken.None);

        Assert.Empty(_connections.Nodes);
    }

    [Fact]
    public async Task Patch_is_refused_before_any_node_is_read()
    {
        var error = await Assert.ThrowsAsync<RolloutException>(() =>
            DeployOperation.PatchAsync(NoOutsideWorld.Scope(_swarm, _connections, _artifacts), Options with { TargetNodes = ["workers-b"] }, CancellationToken.None));

        Assert.Contains("engine swarm (its engine: line, or --engine swarm): Patch is not built for a Swarm stack yet", error.Message);
        Assert.Contains("docs/swarm.md", error.Message);
        Assert.Empty(_connections.Nodes);
    }

    [Fact]
    public async Task A_rollback_is_refused_before_any_node_is_read()
    {
        var error = await Assert.ThrowsAsync<RolloutException>(() =>
            RollbackOperation.RunAsync(NoOutsideWorld.Scope(_swarm, _connections, _artifacts), Options, null, CancellationToken.None));

        Assert.Contains("Rollback is not built for a Swarm stack yet", error.Message);
        Assert.Empty(_connections.Nodes);
    }
}
