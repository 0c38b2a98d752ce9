using Ktrdr.Deploy.Rollout;
using Ktrdr.Deploy.Rollout.Orchestration;
using Ktrdr.Deploy.Topology;
using Rollout.Tests.Support;

namespace Rollout.Tests.Orchestration;

/// <summary>engine: swarm renders a stack, but no node-changing target runs the compose path on it: refused before any node is read.</summary>
public class SwarmEngineTests : IDisposable
{
    private readonly string _artifacts = Directory.CreateTempSubdirectory("ktrdr-orchestration-").FullName;
    private readonly EnvironmentTopology _swarm = Nodes.Lab() with { Engine = DeployEngine.Swarm };
    private readonly InMemoryConnections _connections = new();

    public void Dispose() => Directory.Delete(_artifacts, recursive: true);

    private static readonly DeployOptions Options = new([], Force: false, DryRun: false, TimeSpan.FromSeconds(5), 1, TimeSpan.FromSeconds(5));

    [Fact]
    public async Task A_deploy_target_is_refused_before_any_node_is_read()
    {
        var error = await Assert.ThrowsAsync<RolloutException>(() =>
            DeployOperation.DeployRoleAsync(NoOutsideWorld.Scope(_swarm, _connections, _artifacts), NodeRole.Workers, Options, CancellationToken.None));

        Assert.Contains("engine swarm (its engine: line, or --engine swarm): DeployWorkers cannot deploy a Swarm stack yet", error.Message);
        Assert.Contains("docs/swarm.md", error.Message);
        Assert.Empty(_connections.Nodes);
    }

    [Fact]
    public async Task A_rollback_is_refused_before_any_node_is_read()
    {
        var error = await Assert.ThrowsAsync<RolloutException>(() =>
            RollbackOperation.RunAsync(NoOutsideWorld.Scope(_swarm, _connections, _artifacts), Options, null, CancellationToken.None));

        Assert.Contains("Rollback cannot deploy a Swarm stack yet", error.Message);
        Assert.Empty(_connections.Nodes);
    }
}
