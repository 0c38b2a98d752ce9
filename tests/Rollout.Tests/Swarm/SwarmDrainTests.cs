using Ktrdr.Deploy.Remote;
using Ktrdr.Deploy.Rollout;
using Ktrdr.Deploy.Rollout.Swarm;
using Ktrdr.Deploy.Topology;
using Rollout.Tests.Support;

namespace Rollout.Tests.Swarm;

/// <summary>
/// Before a stack deploy, every worker running on a worker or gpu node finishes its operation (Swarm would replace its task
/// without asking), against in-memory nodes: core is not asked, a busy worker is waited for, one still busy stops the
/// deploy unless --force.
/// </summary>
public class SwarmDrainTests
{
    private readonly EnvironmentTopology _lab = Nodes.Lab();
    private readonly InMemoryConnections _connections = new();

    private static CommandResult Ok(string output) => new(0, output, "", TimeSpan.Zero);

    private const string Idle = "activity=idle\nregistration=available\noperation=\n";
    private const string Busy = "activity=busy\nregistration=busy\noperation=op_backtest_1\n";

    private (IReadOnlyList<ICommandExecutor> Nodes, IReadOnlyList<NodeSpec> Specs) Lab(params string[] names) =>
        ([.. names.Select(n => (ICommandExecutor)_connections.Node(n))], [.. names.Select(n => _lab.FindNode(n)!)]);

    [Fact]
    public async Task A_busy_worker_is_waited_for_until_it_is_idle_and_core_is_not_asked()
    {
        var asked = 0;
        _connections.Node("core").On("docker ps", "c0ffee000001 ktrdr_backend\n");
        _connections.Node("workers-b")
            .On("docker ps", "b0000000001 ktrdr_backtest-worker-1\nb0000000002 ktrdr_training-worker-1\n")
            .On("b0000000001", _ => Ok(++asked < 3 ? Busy : Idle))
            .On("b0000000002", Idle);
        var (nodes, specs) = Lab("core", "workers-b");

        await SwarmDrain.RunAsync(nodes, specs, TimeSpan.FromMinutes(1), force: false, CancellationToken.None);

        Assert.Equal(3, asked);
        Assert.True(_connections.Node("workers-b").RanScript("docker exec 'b0000000002'"));
        Assert.False(_connections.Node("core").RanScript("docker ps"));
    }

    [Fact]
    public async Task A_worker_still_busy_after_the_drain_timeout_stops_the_deploy_naming_it_unless_forced()
    {
        _connections.Node("workers-c")
            .On("docker ps", "c0000000001 ktrdr_backtest-worker-1\n")
            .On("c0000000001", Busy);
        var (nodes, specs) = Lab("workers-c");

        var error = await Assert.ThrowsAsync<RolloutException>(() => SwarmDrain.RunAsync(nodes, specs, TimeSpan.Zero, force: false, CancellationToken.None));
        await SwarmDrain.RunAsync(nodes, specs, TimeSpan.Zero, force: true, CancellationToken.None);

        Assert.Contains("backtest-worker-1 is still busy after 0 s", error.Message);
        Assert.Contains("running op_backtest_1", error.Message);
    }
}
