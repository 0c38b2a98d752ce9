using BuildEngine;
using Engine.Tests.Support;

namespace Engine.Tests;

public sealed class PlanOutputTests : IDisposable
{
    private readonly BuildHarness harness = new();

    public void Dispose() => harness.Dispose();

    private static string[] PlanLines(RunResult result) =>
        result.Output.ReplaceLineEndings("\n").Split('\n').Where(l => l.Length > 5 && l[4] == '.').ToArray();

    [Fact]
    public void Plan_prints_the_order_and_why_each_target_is_there_and_runs_nothing()
    {
        var result = harness.RunWithDefaults<SampleBuild>(["--plan", "--target-node", "workers-b"], [x => x.Default]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
        [
            "   1. Restore        dependency of BuildImages",
            "   2. BuildImages    dependency of DeployWorkers",
            "   3. DeployWorkers  dependency of Default",
            "   4. Verify         triggered by DeployWorkers",
            "   5. Default        invoked",
        ], PlanLines(result));
        Assert.Empty(harness.Executed);
        Assert.Empty(harness.LogFiles);
    }

    [Fact]
    public void Plan_shows_what_would_be_skipped_and_why()
    {
        var result = harness.Run<SampleBuild>("PushGhcr", "--plan", "--skip", "Restore");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("1. Restore      dependency of BuildImages  SKIP: skipped by --skip", result.Output);
        Assert.Contains("3. PushGhcr     invoked  SKIP: OnlyWhenStatic: IsServerBuild", result.Output);
    }

    [Fact]
    public void Skip_alone_in_the_plan_skips_everything_not_invoked()
    {
        var result = harness.Run<SampleBuild>("DeployWorkers", "--skip", "--plan", "--target-node", "a");

        var lines = PlanLines(result);
        Assert.Equal(4, lines.Length);
        Assert.Equal(3, lines.Count(l => l.Contains("SKIP: skipped by --skip")));
        Assert.DoesNotContain("SKIP", lines.Single(l => l.Contains("DeployWorkers  invoked")));
    }

    [Fact]
    public void Plan_lists_parameter_values_with_their_source_and_masks_secrets()
    {
        harness.Environment["KTRDR_REGISTRY_PASSWORD"] = "s3cret-from-env";

        var result = harness.Run<SampleBuild>("Verify", "--plan", "--tag", "v9");

        Assert.Contains("--tag = v9 (from the command line)", result.Output);
        Assert.Contains("--registry-password = *** (from environment variable KTRDR_REGISTRY_PASSWORD)", result.Output);
        Assert.DoesNotContain("s3cret-from-env", result.Output);
    }

    [Fact]
    public void A_cycle_in_the_build_is_a_usage_error_with_the_chain()
    {
        var result = harness.Run<CyclicBuild>("Deploy");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("Circular target dependencies: Compile -> Package -> Compile", result.Output);
        Assert.Empty(harness.Executed);
    }

    private sealed class CyclicBuild : RecordingBuild
    {
        Target Compile => _ => _.DependsOn(Package).Executes(() => Record(nameof(Compile)));
        Target Package => _ => _.DependsOn(Compile).Executes(() => Record(nameof(Package)));
        Target Deploy => _ => _.DependsOn(Package).Executes(() => Record(nameof(Deploy)));
    }
}
