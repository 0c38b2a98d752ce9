using Ktrdr.Deploy.Rollout;
using Ktrdr.Deploy.Rollout.Operations;
using Ktrdr.Deploy.Rollout.Orchestration;
using Ktrdr.Deploy.Rollout.Swarm;
using Ktrdr.Deploy.Topology;
using Rollout.Tests.Support;

namespace Rollout.Tests.Swarm;

/// <summary>The way back from a Swarm stack to compose: decided purely, executed against in-memory nodes (lab proof: Build.Tests S3).</summary>
public class ComposeReturnTests : IDisposable
{
    private readonly string _artifacts = Directory.CreateTempSubdirectory("ktrdr-compose-return-").FullName;
    private readonly EnvironmentTopology _lab = Nodes.Lab();
    private readonly InMemoryConnections _connections = new();

    public void Dispose() => Directory.Delete(_artifacts, recursive: true);

    private InMemoryNode Core => _connections.Node("core");

    private static DeployOptions Options(TimeSpan healthTimeout, bool leaveSwarm) =>
        new([], Force: false, DryRun: false, healthTimeout, 1, TimeSpan.FromSeconds(5)) { LeaveSwarm = leaveSwarm };

    [Fact]
    public void No_stack_on_core_means_nothing_to_remove()
    {
        Assert.False(ComposeReturn.NeedsRemoval([], _lab, [_lab.FindNode("workers-b")!], "ktrdr"));
    }

    [Fact]
    public void A_stack_goes_first_when_the_deploy_covers_every_node()
    {
        Assert.True(ComposeReturn.NeedsRemoval(["ktrdr_db", "ktrdr_backend"], _lab, _lab.Nodes, "ktrdr"));
    }

    [Fact]
    public void A_deploy_of_some_nodes_is_refused_while_the_stack_runs_naming_those_left_out_and_what_to_run()
    {
        var error = Assert.Throws<RolloutException>(() =>
            ComposeReturn.NeedsRemoval(["ktrdr_db"], _lab, [.. _lab.Nodes.Where(n => n.Name != "gpu" && n.Name != "workers-c")], "ktrdr"));

        Assert.Contains("runs the Swarm stack ktrdr (1 service(s))", error.Message);
        Assert.Contains("this run leaves out workers-c, gpu", error.Message);
        Assert.Contains("./build.sh DeployCore DeployWorkers DeployGpu", error.Message);
    }

    [Fact]
    public void What_remains_is_named_per_node_and_nothing_remains_when_every_node_printed_nothing()
    {
        Assert.Empty(ComposeReturn.Remaining(new Dictionary<string, string> { ["core"] = "", ["workers-b"] = "\n" }));
        Assert.Equal(["core: network ktrdr_default", "workers-b: container ktrdr_workers-b-backtest-worker-1.1.x"],
            ComposeReturn.Remaining(new Dictionary<string, string> { ["workers-b"] = "container ktrdr_workers-b-backtest-worker-1.1.x\n", ["core"] = "network ktrdr_default\n" }));
    }

    [Fact]
    public async Task Without_a_stack_the_compose_deploy_pays_one_read_on_core_and_takes_no_lock()
    {
        await ComposeReturner.RemoveStackIfAnyAsync(NoOutsideWorld.Scope(_lab, _connections, _artifacts), _lab.Nodes, Options(TimeSpan.FromSeconds(5), leaveSwarm: false), default);

        var only = Assert.Single(Core.Ran);
        Assert.Contains("docker service ls --filter 'label=com.docker.stack.namespace=ktrdr'", only.Script);
        Assert.Equal(["core"], _connections.Nodes.Keys);
    }

    [Fact]
    public async Task A_stack_is_removed_under_the_lock_waited_for_until_gone_everywhere_its_secrets_removed_and_audited()
    {
        Core.On("if mkdir", "acquired\n")
            .On("namespace=ktrdr' --format '{{.Name}}'", "ktrdr_db\nktrdr_backend\n")
            .On("docker secret ls", "ktrdr_DB_PASSWORD_0123456789ab\n");
        var polls = 0;
        Core.On("--format 'service {{.Name}}'", _ => new(0, ++polls < 3 ? "network ktrdr_default\n" : "", "", TimeSpan.Zero));
        _connections.Node("workers-b").On("--format 'service {{.Name}}'", _ => new(0, polls < 2 ? "container ktrdr_workers-b-backtest-worker-1.1.x\n" : "", "", TimeSpan.Zero));

        await ComposeReturner.RemoveStackIfAnyAsync(NoOutsideWorld.Scope(_lab, _connections, _artifacts), _lab.Nodes, Options(TimeSpan.FromSeconds(30), leaveSwarm: false), default);

        var scripts = Core.Ran.Select(c => c.Script).ToList();
        var rm = scripts.FindIndex(s => s.Contains("docker stack rm 'ktrdr'"));
        Assert.True(rm > scripts.FindIndex(s => s.Contains("if mkdir")), "the stack is removed under the lock");
        Assert.Equal(3, polls);   // polled until core and workers-b printed nothing
        Assert.True(scripts.FindIndex(s => s.Contains("docker secret rm")) > rm);
        Assert.All(_lab.Nodes, n => Assert.True(_connections.Node(n.Name).RanScript("docker network ls --filter")));
        Assert.DoesNotContain(scripts, s => s.Contains("volume rm") || s.Contains("swarm leave"));
        var audit = File.ReadAllText(Path.Combine(_artifacts, "audit", "lab.jsonl"));
        Assert.Contains("\"RemoveStack\"", audit);
        Assert.Contains("succeeded", audit);
    }

    [Fact]
    public async Task A_busy_worker_of_the_stack_finishes_its_operation_before_the_stack_is_removed()
    {
        var (asked, removedWhenIdle) = (0, false);
        Core.On("if mkdir", "acquired\n").On("namespace=ktrdr' --format '{{.Name}}'", "ktrdr_workers-b-backtest-worker-1\n")
            .On("docker stack rm", _ => { removedWhenIdle = asked >= 2; return new(0, "", "", TimeSpan.Zero); });
        _connections.Node("workers-b")
            .On("docker ps --filter 'label=com.docker.stack.namespace=ktrdr'", "b0000000001 ktrdr_workers-b-backtest-worker-1\n")
            .On("b0000000001", _ => new(0, ++asked < 2 ? "activity=busy\nregistration=busy\noperation=op_1\n" : "activity=idle\nregistration=available\n", "", TimeSpan.Zero));

        await ComposeReturner.RemoveStackIfAnyAsync(NoOutsideWorld.Scope(_lab, _connections, _artifacts), _lab.Nodes, Options(TimeSpan.FromSeconds(30), leaveSwarm: false), default);

        Assert.Equal(2, asked);
        Assert.True(removedWhenIdle, "docker stack rm ran only once the worker was idle");
    }

    [Fact]
    public async Task With_leave_swarm_every_worker_leaves_first_then_core_with_the_swarm()
    {
        Core.On("if mkdir", "acquired\n").On("namespace=ktrdr' --format '{{.Name}}'", "ktrdr_db\n");
        var order = new List<string>();
        foreach (var node in _lab.Nodes)
            _connections.Node(node.Name).On("docker swarm leave", c => { lock (order) order.Add($"{node.Name}:{c.Script.Contains("--force")}"); return new(0, "left\n", "", TimeSpan.Zero); });

        await ComposeReturner.RemoveStackIfAnyAsync(NoOutsideWorld.Scope(_lab, _connections, _artifacts), _lab.Nodes, Options(TimeSpan.FromSeconds(5), leaveSwarm: true), default);

        Assert.Equal(_lab.Nodes.Count, order.Count);
        Assert.Equal("core:True", order[^1]);
        Assert.All(order.SkipLast(1), o => Assert.EndsWith(":False", o));
    }

    [Fact]
    public async Task A_stack_that_does_not_go_within_the_timeout_fails_naming_what_is_left()
    {
        Core.On("if mkdir", "acquired\n")
            .On("namespace=ktrdr' --format '{{.Name}}'", "ktrdr_db\n")
            .On("--format 'service {{.Name}}'", "service ktrdr_db\n");

        var error = await Assert.ThrowsAsync<RolloutException>(() =>
            ComposeReturner.RemoveStackIfAnyAsync(NoOutsideWorld.Scope(_lab, _connections, _artifacts), _lab.Nodes, Options(TimeSpan.Zero, leaveSwarm: false), default));

        Assert.Contains("core: service ktrdr_db", error.Message);
        Assert.Contains("--health-timeout", error.Message);
    }
}
