using Ktrdr.Deploy.Rollout;
using Ktrdr.Deploy.Rollout.Operations;
using Ktrdr.Deploy.Rollout.Orchestration;
using Ktrdr.Deploy.Topology;
using Rollout.Tests.Support;

namespace Rollout.Tests.Orchestration;

/// <summary>The lock and the audit around every mutating operation, against in-memory nodes.</summary>
public class LockedOperationTests : IDisposable
{
    private readonly string _artifacts = Directory.CreateTempSubdirectory("ktrdr-orchestration-").FullName;
    private readonly EnvironmentTopology _lab = Nodes.Lab();
    private readonly InMemoryConnections _connections = new();

    public void Dispose() => Directory.Delete(_artifacts, recursive: true);

    private InMemoryNode Core => _connections.Node(_lab.NodesWithRole(NodeRole.Core).Single().Name);

    private static readonly IReadOnlyDictionary<string, NodeDeployed> Landed = new Dictionary<string, NodeDeployed> { ["workers-b"] = new("3f2a9c01", "sha-7c8143b") };

    private static string HeldBy(LockHolder holder) => "held\n" + OperationJson.Line(holder) + "\n";

    private AuditEntry[] Audited() =>
        [.. Core.Ran.Where(c => c.Script.Contains(OperationCommands.AuditFile, StringComparison.Ordinal) && c.StandardInput is not null)
            .SelectMany(c => OperationJson.Audit(c.StandardInput))];

    private Task Run(OperationScope scope, Func<Task<IReadOnlyDictionary<string, NodeDeployed>>> operation, CancellationToken ct = default) =>
        LockedOperation.RunAsync(scope, "DeployWorkers", [_lab.FindNode("workers-b")!], new Dictionary<string, string>(), operation, ct);

    [Fact]
    public async Task A_succeeded_operation_is_audited_with_what_each_node_runs_and_releases_the_lock()
    {
        Core.On("if mkdir", "acquired\n");

        await Run(NoOutsideWorld.Scope(_lab, _connections, _artifacts), () => Task.FromResult(Landed));

        var entry = Assert.Single(Audited());
        Assert.Equal(("DeployWorkers", "succeeded", "sha-7c8143b"), (entry.Target, entry.Result, entry.Tag));
        Assert.Equal("3f2a9c01", entry.Deployed!["workers-b"].Bundle);
        Assert.True(Core.RanScript("rm -rf " + OperationCommands.LockDirectory));
        Assert.Single(File.ReadAllLines(Path.Combine(_artifacts, "audit", "lab.jsonl")));
    }

    [Fact]
    public async Task A_cancelled_operation_is_audited_cancelled_and_still_releases_the_lock()
    {
        Core.On("if mkdir", "acquired\n");

        await Assert.ThrowsAsync<OperationCanceledException>(() =>
            Run(NoOutsideWorld.Scope(_lab, _connections, _artifacts), () => throw new OperationCanceledException()));

        Assert.Equal("cancelled", Assert.Single(Audited()).Result);
        Assert.True(Core.RanScript("rm -rf " + OperationCommands.LockDirectory));
    }

    [Fact]
    public async Task A_failed_operation_is_audited_failed()
    {
        Core.On("if mkdir", "acquired\n");

        await Assert.ThrowsAsync<RolloutException>(() =>
            Run(NoOutsideWorld.Scope(_lab, _connections, _artifacts), () => throw new RolloutException("workers-b: up failed")));

        Assert.Equal("failed", Assert.Single(Audited()).Result);
    }

    [Fact]
    public async Task A_lock_held_by_a_run_on_another_host_stops_before_anything_runs_and_is_never_broken()
    {
        var other = new LockHolder("a1b2", "ci", "runner-7", 4242, "DeployCore", "lab", DateTimeOffset.Parse("2026-12-01T03:00:00Z"));
        Core.On("if mkdir", HeldBy(other));
        var ran = false;

        var error = await Assert.ThrowsAsync<RolloutException>(() => Run(NoOutsideWorld.Scope(_lab, _connections, _artifacts) with { ProcessIsAlive = _ => false },
            () => { ran = true; return Task.FromResult(Landed); }));

        Assert.False(ran);
        Assert.Contains("ci@runner-7 (pid 4242) running DeployCore", error.Message);
        Assert.Contains("LockRelease", error.Message);
        Assert.False(Core.RanScript("rm -rf"));
        Assert.Empty(Audited());
    }

    [Fact]
    public async Task A_lock_whose_holder_process_is_gone_from_this_host_is_taken_over_and_said_so_in_the_audit()
    {
        var dead = new LockHolder("dead1", "operator", "build-host", 999_999, "DeployWorkers", "lab", DateTimeOffset.Parse("2026-12-01T03:00:00Z"));
        var attempts = 0;
        Core.On("if mkdir", _ => new(0, ++attempts == 1 ? HeldBy(dead) : "acquired\n", "", TimeSpan.Zero));
        var ran = false;

        await Run(NoOutsideWorld.Scope(_lab, _connections, _artifacts) with { ProcessIsAlive = pid => pid != 999_999 },
            () => { ran = true; return Task.FromResult(Landed); });

        Assert.True(ran);
        Assert.True(Core.RanScript("grep -q 'dead1'"));   // released only while the dead run still holds it
        var audited = Audited();
        Assert.Equal(["LockTakeover", "DeployWorkers"], audited.Select(e => e.Target));
        Assert.Contains("no process 999999 runs on build-host", audited[0].Result);
    }

    [Fact]
    public async Task A_lock_held_by_a_live_process_of_this_host_is_waited_for_up_to_the_lock_wait_and_then_named()
    {
        var live = new LockHolder("live1", "operator", "build-host", 77, "DeployCore", "lab", DateTimeOffset.Parse("2026-12-01T03:00:00Z"));
        var attempts = 0;
        Core.On("if mkdir", _ => { attempts++; return new(0, HeldBy(live), "", TimeSpan.Zero); });
        var scope = NoOutsideWorld.Scope(_lab, _connections, _artifacts) with { LockWait = TimeSpan.FromSeconds(1), LockPoll = TimeSpan.FromMilliseconds(1) };

        var error = await Assert.ThrowsAsync<RolloutException>(() => Run(scope, () => Task.FromResult(Landed)));

        Assert.True(attempts >= 2, $"asked {attempts} time(s)");
        Assert.Contains("operator@build-host (pid 77)", error.Message);
        Assert.Contains("--lock-wait", error.Message);
    }
}
