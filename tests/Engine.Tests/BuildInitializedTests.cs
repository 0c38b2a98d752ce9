using BuildEngine;
using Engine.Tests.Support;

namespace Engine.Tests;

/// <summary>OnBuildInitialized (Nuke's hook): a build's own check of parameters and planned targets, before anything runs.</summary>
public sealed class BuildInitializedTests : IDisposable
{
    private sealed class CheckedBuild : RecordingBuild
    {
        [Parameter("a node")] readonly string? Node = null;

        Target Deploy => _ => _.Executes(() => Record("Deploy"));

        protected override void OnBuildInitialized()
        {
            if (Node == "core" && PlannedTargets.Contains("Deploy"))
                throw new BuildFailedException("--node core: Deploy does not deploy core");
        }
    }

    private readonly BuildHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public void A_refused_check_stops_the_run_with_its_message_and_exit_2_before_any_target_runs()
    {
        var result = harness.Run<CheckedBuild>("Deploy", "--node", "core");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("ERROR: --node core: Deploy does not deploy core", result.Output);
        Assert.DoesNotContain("   at ", result.Output);
        Assert.Empty(harness.Executed);
    }

    [Fact]
    public void A_passing_check_lets_the_targets_run()
    {
        var result = harness.Run<CheckedBuild>("Deploy", "--node", "workers-b");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(["Deploy"], harness.Executed);
    }
}
