using Ktrdr.Deploy.Remote;
using Ktrdr.Deploy.Rollout;
using Ktrdr.Deploy.Rollout.Deploy;
using Ktrdr.Deploy.Rollout.Nodes;
using Ktrdr.Deploy.Rollout.Operations;
using Ktrdr.Deploy.Rollout.Orchestration;
using Ktrdr.Deploy.Secrets;
using Ktrdr.Deploy.Topology;
using Rollout.Tests.Support;

namespace Rollout.Tests.Orchestration;

/// <summary>What the orchestration decides before it acts: which nodes are touched, which fail alone, what stops a run.</summary>
public class DecisionTests : IDisposable
{
    private const string Hash = LabRequests.Hash;
    private readonly string _artifacts = Directory.CreateTempSubdirectory("ktrdr-orchestration-").FullName;
    private readonly EnvironmentTopology _lab = Nodes.Lab();
    private readonly InMemoryConnections _connections = new();

    public void Dispose() => Directory.Delete(_artifacts, recursive: true);

    private static readonly DeployOptions Options = LabRequests.Options;

    private NodeDeployRequest Request(string node) => new LabRequests(_lab, _artifacts).For(node);

    /// <summary>The node already runs what the request asks: its stamp matches and it recorded no service to check.</summary>
    private void AlreadyDeployed(string node)
    {
        var request = Request(node);
        _connections.Node(node).Holds(request.Bundle.Directory, Ktrdr.Deploy.Commands.Drift.NodeFactsCommand.StampFile, request.Desired.ToJson());
    }

    [Fact]
    public async Task Unchanged_nodes_are_read_and_left_alone_without_a_pre_flight()
    {
        AlreadyDeployed("workers-b");
        AlreadyDeployed("workers-c");

        var landed = await NodeDeploys.RunAsync(_connections, [Request("workers-b"), Request("workers-c")], CancellationToken.None);

        Assert.Equal([("workers-b", Hash), ("workers-c", Hash)], landed.OrderBy(p => p.Key).Select(p => (p.Key, p.Value.Bundle)));
        foreach (var node in _connections.Nodes.Values)
            Assert.Equal([$"read what runs on {node.Target}"], node.Ran.Select(c => c.Description));
    }

    [Fact]
    public async Task A_node_that_cannot_be_reached_fails_alone_and_the_run_names_it()
    {
        AlreadyDeployed("workers-c");
        _connections.Unreachable["workers-b"] = new RemoteException("workers-b: connection refused");

        var error = await Assert.ThrowsAsync<RolloutException>(() =>
            NodeDeploys.RunAsync(_connections, [Request("workers-b"), Request("workers-c")], CancellationToken.None));

        Assert.StartsWith("1 of 2 node(s) failed; the others completed.", error.Message);
        Assert.Contains("workers-b at deploy: workers-b: connection refused", error.Message);
        Assert.Equal(["read what runs on workers-c"], _connections.Node("workers-c").Ran.Select(c => c.Description));
    }

    /// <summary>What the pre-flight prints on a node that is ready, and on one without docker.</summary>
    private const string Ready = "uid=0\nuser=root\ndocker=ok\ndocker_version=27.0.1\ncompose=v2\ncompose_version=2.29.0\n" +
                                 "deploy_dir_exists=yes\ndeploy_dir_writable=yes\ndeploy_parent_writable=yes\nfree_kb=50000000\n";

    private const string NoDocker = "uid=0\nuser=root\ndocker=missing\ncompose=none\n" +
                                    "deploy_dir_exists=yes\ndeploy_dir_writable=yes\ndeploy_parent_writable=yes\nfree_kb=50000000\n";

    [Fact]
    public async Task A_failed_pre_flight_of_one_changed_node_stops_the_run_before_any_node_is_touched()
    {
        foreach (var node in new[] { "workers-b", "workers-c" })
            _connections.Node(node).On("docker version", node == "workers-b" ? NoDocker : Ready);

        var error = await Assert.ThrowsAsync<RolloutException>(() =>
            NodeDeploys.RunAsync(_connections, [Request("workers-b"), Request("workers-c")], CancellationToken.None));

        Assert.StartsWith("pre-flight failed, no node was touched:", error.Message);
        Assert.Contains("  - workers-b: ", error.Message);
        Assert.DoesNotContain("  - workers-c: ", error.Message);
        foreach (var node in _connections.Nodes.Values)
            Assert.Equal([$"read what runs on {node.Target}", $"pre-flight of {node.Target}"], node.Ran.Select(c => c.Description));
    }

    [Fact]
    public void The_report_fails_the_run_naming_every_failed_node_and_passes_when_none_failed()
    {
        NodeOutcomeReport.Print([new NodeOutcome("core", "unchanged", "same bundle", null)]);

        var error = Assert.Throws<RolloutException>(() => NodeOutcomeReport.Print([
            new NodeOutcome("core", "deployed", "bundle a → b", TimeSpan.FromSeconds(3)),
            new NodeOutcome("gpu", "", "", null, new NodeFailure("gpu", "health", "trainer unhealthy\nlog lines")),
        ]));
        Assert.StartsWith("1 of 2 node(s) failed; the others completed.", error.Message);
        Assert.Contains("gpu at health: trainer unhealthy", error.Message);
    }

    [Fact]
    public async Task Patch_without_target_nodes_is_refused_before_anything_is_read()
    {
        var error = await Assert.ThrowsAsync<RolloutException>(() =>
            DeployOperation.PatchAsync(NoOutsideWorld.Scope(_lab, _connections, _artifacts), Options, CancellationToken.None));

        Assert.Contains("give --target-node", error.Message);
        Assert.Empty(_connections.Nodes);
    }

    [Fact]
    public async Task A_rollback_without_a_previous_good_deploy_stops_before_the_lock_is_taken_or_a_node_touched()
    {
        var error = await Assert.ThrowsAsync<RolloutException>(() => RollbackOperation.RunAsync(NoOutsideWorld.Scope(_lab, _connections, _artifacts),
            Options with { TargetNodes = ["workers-b"] }, renderNamedTag: null, CancellationToken.None));

        Assert.StartsWith("Rollback stopped, no node was touched:", error.Message);
        Assert.Contains("workers-b", error.Message);
        foreach (var node in _connections.Nodes.Values)
            Assert.DoesNotContain(node.Ran, c => c.Script.Contains(OperationCommands.LockDirectory, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_production_environment_needs_confirm_for_a_rollback_that_could_go_ahead()
    {
        var scope = NoOutsideWorld.Scope(_lab, _connections, _artifacts);
        Assert.False(scope.NeedsConfirmation);

        var homelab = TopologyLoader.Load(Nodes.DeployRoot, "homelab");
        var production = NoOutsideWorld.Scope(homelab, _connections, _artifacts);
        Assert.True(production.NeedsConfirmation);
        Assert.Contains("--confirm", Assert.Throws<RolloutException>(() => production.RequireConfirmation("Rollback")).Message);
        Assert.False((production with { Confirm = true }).NeedsConfirmation);
    }
}
