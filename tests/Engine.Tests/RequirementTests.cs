using BuildEngine;
using Engine.Tests.Support;

namespace Engine.Tests;

public sealed class RequirementTests : IDisposable
{
    private sealed class DeployBuild : RecordingBuild
    {
        protected override string EnvironmentVariablePrefix => "KTRDR";

        [Parameter("Nodes")] readonly string[] TargetNode = [];
        [Parameter("Tag")] readonly string? Tag = null;
        [Parameter("Replicas")] readonly int? Replicas = null;

        Target Restore => _ => _.Executes(() => Record(nameof(Restore)));

        Target DeployWorkers => _ => _.DependsOn(Restore)
            .Requires(() => TargetNode).Requires(() => Tag)
            .Executes(() => Record(nameof(DeployWorkers)));

        Target DeployGpu => _ => _.DependsOn(DeployWorkers)
            .Requires(() => TargetNode).Requires(() => Replicas)
            .Executes(() => Record(nameof(DeployGpu) + Replicas));

        Target Verify => _ => _
            .Requires(() => TargetNode.Length <= 2)
            .Executes(() => Record(nameof(Verify)));
    }

    private readonly BuildHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public void A_missing_parameter_is_reported_once_naming_every_target_that_needs_it_and_nothing_runs()
    {
        var result = harness.Run<DeployBuild>("DeployGpu");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        var line = "Missing required parameter --target-node (needed by DeployWorkers, DeployGpu).";
        Assert.Single(result.Output.Split('\n'), l => l.Contains(line));
        Assert.Contains("Missing required parameter --tag (needed by DeployWorkers)", result.Output);
        Assert.Contains("Missing required parameter --replicas (needed by DeployGpu)", result.Output);
        Assert.Contains("environment variable KTRDR_TARGET_NODE or TARGET_NODE", result.Output);
        Assert.Empty(harness.Executed);
        Assert.Empty(harness.LogFiles);
    }

    [Fact]
    public void Requirements_met_from_any_source_let_the_plan_run()
    {
        harness.Environment["KTRDR_TAG"] = "v1";
        harness.WriteParameters("""{ "Replicas": 2 }""");

        var result = harness.Run<DeployBuild>("DeployGpu", "--target-node", "gpu");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["Restore", "DeployWorkers", "DeployGpu2"], harness.Executed);
    }

    [Fact]
    public void An_empty_array_counts_as_missing()
    {
        harness.WriteParameters("""{ "TargetNode": [], "Tag": "v1" }""");

        var result = harness.Run<DeployBuild>("DeployWorkers");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("Missing required parameter --target-node (needed by DeployWorkers)", result.Output);
    }

    [Fact]
    public void A_false_condition_requirement_shows_its_expression()
    {
        var result = harness.Run<DeployBuild>("Verify", "--target-node", "a,b,c");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("Requirement not met: TargetNode.Length <= 2 (needed by Verify).", result.Output);
        Assert.Empty(harness.Executed);
    }

    [Fact]
    public void A_skipped_target_does_not_demand_its_parameters()
    {
        var result = harness.Run<DeployBuild>("DeployGpu", "--skip", "DeployWorkers", "--target-node", "gpu", "--replicas", "1");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["Restore", "DeployGpu1"], harness.Executed);
    }
}
