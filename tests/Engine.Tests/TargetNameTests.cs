using BuildEngine;
using Engine.Tests.Support;

namespace Engine.Tests;

public sealed class TargetNameTests : IDisposable
{
    private readonly BuildHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Theory]
    [InlineData("verify")]
    [InlineData("VERIFY")]
    [InlineData("Verify")]
    public void Target_names_are_case_insensitive(string name)
    {
        Assert.Equal(0, harness.Run<SampleBuild>(name).ExitCode);
        Assert.Equal(["Verify"], harness.Executed);
    }

    [Fact]
    public void Kebab_case_names_select_the_target()
    {
        var result = harness.Run<SampleBuild>("deploy-workers", "--target-node", "workers-b");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["Restore", "BuildImages:latest", "DeployWorkers:workers-b", "Verify"], harness.Executed);
    }

    [Fact]
    public void An_unknown_target_suggests_the_closest_lists_the_listed_ones_and_exits_2()
    {
        var result = harness.Run<SampleBuild>("DeployWorker");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("Unknown target \"DeployWorker\". Did you mean \"DeployWorkers\"?", result.Output);
        Assert.Contains("Valid targets: Restore, BuildImages, PushGhcr, DeployWorkers, Verify, Default", result.Output);
        Assert.Empty(harness.Executed);
    }

    [Fact]
    public void A_name_far_from_every_target_gets_no_suggestion()
    {
        var result = harness.Run<SampleBuild>("Xyzzy");

        Assert.DoesNotContain("Did you mean", result.Output);
    }

    [Fact]
    public void An_unknown_name_after_skip_is_an_error_too()
    {
        var result = harness.Run<SampleBuild>("Verify", "--skip", "Restor");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("Did you mean \"Restore\"?", result.Output);
    }

    [Fact]
    public void Unlisted_targets_can_still_be_invoked()
    {
        Assert.Equal(0, harness.Run<SampleBuild>("internal").ExitCode);
        Assert.Equal(["Internal"], harness.Executed);
    }

    [Fact]
    public void Without_targets_the_default_runs_and_without_a_default_it_is_an_error()
    {
        var withDefault = harness.RunWithDefaults<SampleBuild>(["--target-node", "core"], [x => x.Default]);
        var withoutDefault = harness.Run<SampleBuild>();

        Assert.Equal(0, withDefault.ExitCode);
        Assert.Contains("DeployWorkers:core", harness.Executed);
        Assert.Equal(ExitCodes.UsageError, withoutDefault.ExitCode);
        Assert.Contains("No target given and the build has no default target.", withoutDefault.Output);
    }
}
