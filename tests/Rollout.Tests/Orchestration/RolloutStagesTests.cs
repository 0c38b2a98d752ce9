using Ktrdr.Deploy.Rollout.Operations;
using Ktrdr.Deploy.Rollout.Orchestration;
using Ktrdr.Deploy.Topology;
using Rollout.Tests.Support;

namespace Rollout.Tests.Orchestration;

/// <summary>
/// One plan for the rollout: the first planned deploy target takes the nodes of the later planned ones (one lock, one audit
/// entry per target), which then have nothing left; a target run alone, or --target-node, keeps meaning exactly its nodes.
/// The start order of containers is decided apart (<see cref="StartOrder"/>).
/// </summary>
public class RolloutStagesTests : IDisposable
{
    private readonly string _artifacts = Directory.CreateTempSubdirectory("ktrdr-stages-").FullName;
    private readonly EnvironmentTopology _lab = Nodes.Lab();
    private readonly InMemoryConnections _connections = new();
    private readonly RenderedLab _rendered;

    public RolloutStagesTests()
    {
        _rendered = new RenderedLab(_lab, _connections, _artifacts);
        _connections.Node("core").On("if mkdir", "acquired\n");
    }

    public void Dispose() => Directory.Delete(_artifacts, recursive: true);

    private static DeployOptions Options(params string[] planned) =>
        new([], Force: false, DryRun: false, TimeSpan.FromSeconds(5), 1, TimeSpan.FromSeconds(5)) { PlannedTargets = planned };

    private int Locks => _connections.Node("core").Ran.Count(c => c.Script.Contains("if mkdir", StringComparison.Ordinal));

    private AuditEntry[] Audited() =>
        [.. _connections.Node("core").Ran.Where(c => c.Script.Contains(OperationCommands.AuditFile, StringComparison.Ordinal) && c.StandardInput is not null)
            .SelectMany(c => OperationJson.Audit(c.StandardInput))];

    [Theory]
    [InlineData(NodeRole.Core, "DeployCore,DeployWorkers,DeployGpu", "Core,Workers,Gpu")]
    [InlineData(NodeRole.Workers, "DeployCore,DeployWorkers,DeployGpu", "")]
    [InlineData(NodeRole.Gpu, "DeployCore,DeployWorkers,DeployGpu", "")]
    [InlineData(NodeRole.Workers, "DeployWorkers,DeployGpu", "Workers,Gpu")]
    [InlineData(NodeRole.Gpu, "DeployCore,DeployGpu", "")]
    [InlineData(NodeRole.Core, "DeployCore,DeployGpu", "Core,Gpu")]
    [InlineData(NodeRole.Workers, "DeployWorkers", "Workers")]
    [InlineData(NodeRole.Gpu, "DeployGpu", "Gpu")]
    [InlineData(NodeRole.Workers, "", "Workers")]
    public void A_target_deploys_its_role_and_the_later_planned_roles_of_its_stage(NodeRole role, string planned, string expected)
    {
        var roles = RolloutStages.ForTarget(role, planned.Split(',', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(expected, string.Join(",", roles));
    }

    [Fact]
    public void The_gpu_of_a_run_that_plans_both_is_deployed_beside_the_workers()
    {
        Assert.Equal(NodeRole.Workers, RolloutStages.DeployedBeside(NodeRole.Gpu, ["DeployWorkers", "DeployGpu"]));
        Assert.Equal(NodeRole.Core, RolloutStages.DeployedBeside(NodeRole.Gpu, ["DeployCore", "DeployWorkers", "DeployGpu"]));
        Assert.Null(RolloutStages.DeployedBeside(NodeRole.Gpu, ["DeployGpu"]));
    }

    [Fact]
    public async Task Workers_and_gpu_planned_together_take_one_lock_and_keep_one_audit_entry_per_target()
    {
        _rendered.All();
        var scope = NoOutsideWorld.Scope(_lab, _connections, _artifacts);
        var options = Options("DeployWorkers", "DeployGpu");

        await DeployOperation.DeployRoleAsync(scope, NodeRole.Workers, options, CancellationToken.None);
        await DeployOperation.DeployRoleAsync(scope, NodeRole.Gpu, options, CancellationToken.None);

        Assert.Equal(1, Locks);
        Assert.Equal(["DeployWorkers workers-b,workers-c", "DeployGpu gpu"], Audited().Select(e => $"{e.Target} {string.Join(",", e.Nodes)}"));
        Assert.All(Audited(), e => Assert.Equal("succeeded", e.Result));
        Assert.Equal((1, 1, 1), (_rendered.Reads("workers-b"), _rendered.Reads("workers-c"), _rendered.Reads("gpu")));
    }

    [Fact]
    public async Task Target_node_keeps_meaning_exactly_that_node_when_both_are_planned()
    {
        _rendered.All();
        var scope = NoOutsideWorld.Scope(_lab, _connections, _artifacts);
        var options = Options("DeployWorkers", "DeployGpu") with { TargetNodes = ["workers-b"] };

        await DeployOperation.DeployRoleAsync(scope, NodeRole.Workers, options, CancellationToken.None);
        await DeployOperation.DeployRoleAsync(scope, NodeRole.Gpu, options, CancellationToken.None);

        var entry = Assert.Single(Audited());
        Assert.Equal(("DeployWorkers", "workers-b"), (entry.Target, string.Join(",", entry.Nodes)));
        Assert.Equal((1, 0, 0), (_rendered.Reads("workers-b"), _rendered.Reads("workers-c"), _rendered.Reads("gpu")));
    }

    [Fact]
    public async Task A_whole_rollout_takes_one_lock_and_audits_every_role()
    {
        _rendered.All();
        var scope = NoOutsideWorld.Scope(_lab, _connections, _artifacts);

        await DeployOperation.DeployAllAsync(scope, Options(), CancellationToken.None, "Patch");

        Assert.Equal(1, Locks);
        Assert.Equal(["Patch core", "Patch workers-b,workers-c", "Patch gpu"], Audited().Select(e => $"{e.Target} {string.Join(",", e.Nodes)}"));
    }

    [Theory]
    [InlineData(NodeRole.Core, true, true, StartAfter.Nothing)]
    [InlineData(NodeRole.Workers, false, true, StartAfter.CoreStarted)]
    [InlineData(NodeRole.Gpu, false, true, StartAfter.CoreStarted)]
    [InlineData(NodeRole.Workers, true, true, StartAfter.CoreHealthy)]
    [InlineData(NodeRole.Gpu, true, true, StartAfter.CoreHealthy)]
    [InlineData(NodeRole.Workers, true, false, StartAfter.Nothing)]
    [InlineData(NodeRole.Workers, false, false, StartAfter.Nothing)]
    public void New_workers_start_as_core_starts_running_ones_wait_for_a_healthy_core_to_drain_them(NodeRole role, bool runs, bool coreChanges, StartAfter expected) =>
        Assert.Equal(expected, StartOrder.For(role, runs, coreChanges));
}
