using Ktrdr.Deploy.Rollout.Operations;

namespace Rollout.Tests.Operations;

public class RollbackChoiceTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.Parse("2026-11-20T10:00:00Z");

    private static AuditEntry Run(int minute, string target, string result, params (string Node, string Bundle, string Tag)[] deployed) =>
        new(T0.AddMinutes(minute), "alice", "laptop", target, "lab", [.. deployed.Select(d => d.Node)], deployed.FirstOrDefault().Tag ?? "sha-0000000",
            new Dictionary<string, string>(), result, 3.0)
        {
            Deployed = result == "succeeded" ? deployed.ToDictionary(d => d.Node, d => new NodeDeployed(d.Bundle, d.Tag)) : null,
        };

    [Fact]
    public void The_newest_successful_deploy_of_another_bundle_is_the_one_to_go_back_to()
    {
        AuditEntry[] history =
        [
            Run(0, "DeployWorkers", "succeeded", ("workers-b", "b1", "sha-aaaaaaa"), ("workers-c", "c1", "sha-aaaaaaa")),
            Run(5, "DeployWorkers", "succeeded", ("workers-b", "b2", "sha-bbbbbbb"), ("workers-c", "c2", "sha-bbbbbbb")),
            Run(9, "Patch", "succeeded", ("workers-b", "b3", "sha-ccccccc")),
        ];

        var good = RollbackChoice.PreviousGood(history, "workers-b", currentBundle: "b3");

        Assert.NotNull(good);
        Assert.Equal(new NodeDeployed("b2", "sha-bbbbbbb"), good.Deployed);
        Assert.Equal(("DeployWorkers", "alice@laptop", T0.AddMinutes(5)), (good.Target, good.User, good.Time));
        Assert.Equal("c1", RollbackChoice.PreviousGood(history, "workers-c", "c2")!.Deployed.Bundle);   // nodes are followed apart
    }

    [Fact]
    public void A_failed_deploy_never_counts_so_one_the_health_gate_rolled_back_is_skipped()
    {
        AuditEntry[] history =
        [
            Run(0, "DeployWorkers", "succeeded", ("workers-c", "c1", "sha-aaaaaaa")),
            Run(5, "DeployWorkers", "succeeded", ("workers-c", "c2", "sha-bbbbbbb")),
            Run(9, "Patch", "failed", ("workers-c", "c3", "sha-badbad0")),   // rolled back: the node runs c2 again
        ];

        Assert.Equal("c1", RollbackChoice.PreviousGood(history, "workers-c", "c2")!.Deployed.Bundle);
    }

    [Fact]
    public void After_a_rollback_the_next_one_rolls_forward_again()
    {
        AuditEntry[] history =
        [
            Run(0, "DeployWorkers", "succeeded", ("workers-b", "b1", "sha-aaaaaaa")),
            Run(5, "DeployWorkers", "succeeded", ("workers-b", "b2", "sha-bbbbbbb")),
            Run(7, "Rollback", "succeeded", ("workers-b", "b1", "sha-aaaaaaa")),
        ];

        Assert.Equal("b2", RollbackChoice.PreviousGood(history, "workers-b", "b1")!.Deployed.Bundle);
    }

    [Fact]
    public void No_earlier_bundle_or_no_history_means_no_good_deploy_and_old_entries_without_nodes_bundles_are_ignored()
    {
        AuditEntry[] history =
        [
            Run(0, "DeployWorkers", "succeeded", ("workers-b", "b1", "sha-aaaaaaa")) with { Deployed = null },   // written before Deployed existed
            Run(5, "DeployWorkers", "succeeded", ("workers-b", "b2", "sha-bbbbbbb")),
        ];

        Assert.Null(RollbackChoice.PreviousGood(history, "workers-b", "b2"));
        Assert.Null(RollbackChoice.PreviousGood([], "workers-b", "b2"));
    }

    [Fact]
    public void The_node_swaps_back_only_when_it_keeps_the_good_bundle_as_previous()
    {
        var good = new RollbackTarget(new NodeDeployed("b2", "sha-bbbbbbb"), T0, "DeployWorkers", "alice@laptop");

        Assert.Null(RollbackChoice.Refusal("workers-b", good, new NodeDeployed("b2", "sha-bbbbbbb")));

        var other = RollbackChoice.Refusal("workers-b", good, new NodeDeployed("b9", "sha-badbad0"));
        Assert.Contains("workers-b", other);
        Assert.Contains("tag sha-badbad0", other);
        Assert.Contains("--tag sha-bbbbbbb", other);                       // what to run instead

        var none = RollbackChoice.Refusal("workers-b", good, previous: null);
        Assert.Contains("keeps no previous bundle", none);
        Assert.Contains("./build.sh Rollback --target-node workers-b --tag sha-bbbbbbb", none);
    }

    [Fact]
    public void Without_a_good_deploy_the_operator_is_told_to_name_a_tag()
    {
        var refusal = RollbackChoice.Refusal("workers-c", good: null, new NodeDeployed("c1", "sha-aaaaaaa"));

        Assert.Contains("no earlier successful deploy", refusal);
        Assert.Contains("--tag sha-xxxxxxx", refusal);
        Assert.Contains("History", refusal);
    }

    [Fact]
    public void The_nodes_bundles_survive_the_audit_line_and_back()
    {
        var entry = Run(0, "Rollback", "succeeded", ("workers-b", "b1", "sha-aaaaaaa"));

        var parsed = Assert.Single(OperationJson.Audit(OperationJson.Line(entry)));

        Assert.True(parsed.Succeeded);
        Assert.Equal(new NodeDeployed("b1", "sha-aaaaaaa"), parsed.Deployed!["workers-b"]);
    }
}
