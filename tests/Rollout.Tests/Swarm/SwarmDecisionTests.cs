using Ktrdr.Deploy.Commands.Swarm;
using Ktrdr.Deploy.Rollout;
using Ktrdr.Deploy.Rollout.Swarm;
using Ktrdr.Deploy.Topology;
using Rollout.Tests.Support;

namespace Rollout.Tests.Swarm;

public class SwarmMembershipTests
{
    private static readonly NodeSpec Core = Nodes.Node("core") with { Role = NodeRole.Core };

    private static SwarmState Inactive => new("inactive", "", false, [], "");

    private static SwarmState Manager => new("active", "core-id", true, ["10.0.0.10:2377"], "");

    private static SwarmState WorkerOf(string manager) => new("active", "w-id", false, [manager], "");

    [Fact]
    public void Nodes_in_no_swarm_make_core_the_manager_and_join_the_others()
    {
        var steps = SwarmMembership.Decide(Core, new Dictionary<string, SwarmState> { ["core"] = Inactive, ["workers-b"] = Inactive, ["gpu"] = Inactive }, "10.0.0.10");

        Assert.Equal(SwarmStep.Init, steps["core"]);
        Assert.Equal(SwarmStep.Join, steps["workers-b"]);
        Assert.Equal(SwarmStep.Join, steps["gpu"]);
    }

    [Fact]
    public void A_second_run_finds_every_node_a_member_and_changes_nothing()
    {
        var steps = SwarmMembership.Decide(Core, new Dictionary<string, SwarmState> { ["core"] = Manager, ["workers-b"] = WorkerOf("10.0.0.10:2377") }, "10.0.0.10");

        Assert.All(steps.Values, s => Assert.Equal(SwarmStep.Member, s));
    }

    [Fact]
    public void A_node_that_left_joins_again_alone()
    {
        var steps = SwarmMembership.Decide(Core, new Dictionary<string, SwarmState> { ["core"] = Manager, ["workers-b"] = WorkerOf("10.0.0.10:2377"), ["workers-c"] = Inactive }, "10.0.0.10");

        Assert.Equal(SwarmStep.Member, steps["workers-b"]);
        Assert.Equal(SwarmStep.Join, steps["workers-c"]);
    }

    [Fact]
    public void A_node_in_another_swarm_or_stuck_stops_the_run_naming_what_to_run()
    {
        var error = Assert.Throws<RolloutException>(() => SwarmMembership.Decide(Core, new Dictionary<string, SwarmState>
        {
            ["core"] = Manager, ["workers-b"] = WorkerOf("192.168.9.9:2377"), ["gpu"] = new("error", "", false, [], "certificate expired"),
        }, "10.0.0.10"));

        Assert.Contains("no node was touched", error.Message);
        Assert.Contains("workers-b is in another swarm (managers 192.168.9.9:2377)", error.Message);
        Assert.Contains("docker swarm leave", error.Message);
        Assert.Contains("gpu's swarm state is error (certificate expired)", error.Message);
    }

    [Fact]
    public void Core_as_a_worker_of_another_swarm_is_refused()
    {
        var error = Assert.Throws<RolloutException>(() => SwarmMembership.Decide(Core, new Dictionary<string, SwarmState> { ["core"] = WorkerOf("192.168.9.9:2377") }, "10.0.0.10"));

        Assert.Contains("core is a worker of another swarm", error.Message);
    }
}

public class StackConvergenceTests
{
    private static StackService S(string name, int running, string update = "", string task = "", string error = "") => new($"ktrdr_{name}", running, 1, update, task, error);

    [Fact]
    public void Every_service_running_with_no_update_under_way_is_done()
    {
        var state = StackConvergence.Judge([S("db", 1, "completed"), S("backend", 1)], ["db", "backend"], "ktrdr");

        Assert.True(state.Succeeded);
        Assert.Equal(["db", "backend"], state.Running);
    }

    [Fact]
    public void A_missing_service_an_update_under_way_or_a_restarting_task_is_waited_for()
    {
        var state = StackConvergence.Judge([S("db", 1, "updating"), S("backend", 0, task: "Starting 3 seconds ago", error: "task: non-zero exit (1)")],
            ["db", "backend", "prometheus"], "ktrdr");

        Assert.False(state.Done);
        Assert.Equal(["db: 1/1 running", "backend: 0/1 running, task Starting 3 seconds ago: task: non-zero exit (1)", "prometheus: not created yet"], state.Waiting);
    }

    [Fact]
    public void A_service_swarm_rolled_back_or_paused_has_failed()
    {
        var state = StackConvergence.Judge([S("db", 1), S("workers-b-backtest-worker-1", 1, "rollback_completed"), S("backend", 0, "paused")],
            ["db", "workers-b-backtest-worker-1", "backend"], "ktrdr");

        Assert.True(state.Done);
        Assert.False(state.Succeeded);
        Assert.Equal(["workers-b-backtest-worker-1: the update failed and was rolled back by Swarm (rollback_completed): the previous spec runs again",
            "backend: update paused by Swarm: see docker service ps --no-trunc ktrdr_backend"], state.Failed);
    }

    [Fact]
    public void A_rollback_under_way_is_waited_for_until_swarm_completed_or_paused_it()
    {
        var state = StackConvergence.Judge([S("workers-b-backtest-worker-1", 0, "rollback_started"), S("backend", 1, "rollback_paused")],
            ["workers-b-backtest-worker-1", "backend"], "ktrdr");

        Assert.False(state.Done);
        Assert.Equal(["workers-b-backtest-worker-1: the update failed, Swarm is rolling it back (rollback_started)"], state.Waiting);
        Assert.Equal(["backend: update rollback_paused by Swarm: see docker service ps --no-trunc ktrdr_backend"], state.Failed);
    }
}

public class SwarmDecisionTests
{
    private static readonly Convergence AllRunning = new(["db", "backend"], [], []);

    private static SwarmStamp Stamp(string hash) => new(hash, "sha-1a2b3c4", DateTimeOffset.UnixEpoch, "me@here");

    private static readonly string Hash = new('a', 64);

    [Fact]
    public void The_same_stack_with_every_service_running_is_unchanged()
    {
        var decision = SwarmDecision.Decide(Stamp(Hash), Hash, AllRunning, force: false);

        Assert.False(decision.Deploy);
        Assert.Equal("stack aaaaaaaaaaaa (sha-1a2b3c4) deployed, 2 services running", decision.Reason);
    }

    [Fact]
    public void No_stamp_a_changed_stack_a_service_down_or_force_deploy()
    {
        Assert.True(SwarmDecision.Decide(null, Hash, AllRunning, false).Deploy);
        Assert.Contains("the stack file or a node's bundle changed", SwarmDecision.Decide(Stamp(new string('b', 64)), Hash, AllRunning, false).Reason);
        Assert.Contains("backend: 0/1 running", SwarmDecision.Decide(Stamp(Hash), Hash, new(["db"], [], ["backend: 0/1 running"]), false).Reason);
        Assert.Equal("--force", SwarmDecision.Decide(Stamp(Hash), Hash, AllRunning, true).Reason);
    }

    [Fact]
    public void The_hash_changes_with_the_stack_and_with_any_bundle()
    {
        var bundles = new Dictionary<string, string> { ["core"] = "c1", ["workers-b"] = "b1" };

        var hash = SwarmStamp.HashOf("stack", bundles);

        Assert.Equal(hash, SwarmStamp.HashOf("stack", new Dictionary<string, string> { ["workers-b"] = "b1", ["core"] = "c1" }));
        Assert.NotEqual(hash, SwarmStamp.HashOf("stack2", bundles));
        Assert.NotEqual(hash, SwarmStamp.HashOf("stack", new Dictionary<string, string> { ["core"] = "c1", ["workers-b"] = "b2" }));
    }

    [Fact]
    public void The_stamp_round_trips_and_an_unreadable_one_is_none()
    {
        var stamp = Stamp(Hash);

        Assert.Equal(stamp, SwarmStamp.Parse(stamp.ToJson()));
        Assert.Null(SwarmStamp.Parse("{not json"));
        Assert.Null(SwarmStamp.Parse(null));
    }
}

public class SwarmHousekeepingTests
{
    [Fact]
    public void Only_old_stack_secrets_no_service_mounts_are_unused()
    {
        var unused = UnusedSecrets.Of(
            existing: ["ktrdr_DB_PASSWORD_111111111111", "ktrdr_DB_PASSWORD_222222222222", "ktrdr_JWT_SECRET_333333333333", "other_app_secret", "ktrdr_DB_USER_444444444444"],
            inUse: ["ktrdr_DB_PASSWORD_222222222222", "ktrdr_DB_USER_444444444444"],
            wanted: ["ktrdr_DB_PASSWORD_222222222222", "ktrdr_JWT_SECRET_333333333333"]);

        Assert.Equal(["ktrdr_DB_PASSWORD_111111111111"], unused);
    }

    [Fact]
    public void Labels_missing_or_different_are_added_others_left_alone()
    {
        var desired = new Dictionary<string, string> { ["ktrdr.node"] = "workers-b", ["ktrdr.role"] = "workers" };

        Assert.Equal(desired, SwarmLabels.Missing("null\n", desired));
        Assert.Empty(SwarmLabels.Missing("""{"ktrdr.node":"workers-b","ktrdr.role":"workers","zone":"a"}""", desired));
        Assert.Equal(new Dictionary<string, string> { ["ktrdr.role"] = "workers" }, SwarmLabels.Missing("""{"ktrdr.node":"workers-b","ktrdr.role":"gpu"}""", desired));
        Assert.Throws<RolloutException>(() => SwarmLabels.Missing("Error: no such node", desired));
    }
}
