using BuildEngine;
using Engine.Tests.Support;

namespace Engine.Tests;

public sealed class TargetDiscoveryTests
{
    private class BaseBuild : RecordingBuild
    {
        protected Target Restore => _ => _.Executes(() => Record(nameof(Restore)));
    }

    private sealed class DerivedBuild : BaseBuild
    {
        [Parameter("Stage")] readonly Stage Stage = Stage.Dev;

        Target Compile => _ => _.DependsOn(Restore)
            .OnlyWhenStatic(() => !IsServerBuild && Stage != Stage.Production)
            .Executes(() => Record(nameof(Compile)));
    }

    private sealed class SharedLambdaBuild : RecordingBuild
    {
        static readonly Target Shared = _ => _;

        Target A => Shared;
        Target B => Shared;
    }

    private sealed class ClashingBuild : RecordingBuild
    {
        [Parameter("Where to look")] readonly string Root = ".";

        Target Show => _ => _.Executes(() => Record(Root));
    }

    private sealed class UsesTypoBuild : RecordingBuild
    {
        readonly string tag = "x";

        Target Show => _ => _.Uses(() => tag).Executes(() => Record(tag));
    }

    [Fact]
    public void A_parameter_named_like_an_engine_option_is_refused()
    {
        using var harness = new BuildHarness();

        var result = harness.Run<ClashingBuild>("Show");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("Parameter Root clashes with the engine option --root; rename it.", result.Output);
    }

    [Fact]
    public void Uses_must_name_a_parameter()
    {
        using var harness = new BuildHarness();

        var result = harness.Run<UsesTypoBuild>("Show");

        Assert.Contains("Target Show: Uses(tag) does not name a [Parameter] member.", result.Output);
        Assert.Empty(harness.Executed);
    }

    [Fact]
    public void Targets_are_found_on_base_classes_first_and_resolved_by_their_delegate_method()
    {
        var targets = TargetDiscovery.Discover(new DerivedBuild());

        Assert.Equal(["Restore", "Compile"], targets.Select(t => t.Name));
        Assert.Same(targets[0], Assert.Single(targets[1].DependsOn));
    }

    [Fact]
    public void A_condition_keeps_the_text_it_was_written_as()
    {
        var compile = TargetDiscovery.Discover(new DerivedBuild()).Single(t => t.Name == "Compile");

        Assert.Equal("!IsServerBuild && (Stage != Production)", Assert.Single(compile.StaticConditions).Text);
    }

    [Fact]
    public void Two_targets_sharing_one_delegate_are_refused_with_an_explanation()
    {
        var error = Assert.Throws<UsageException>(() => TargetDiscovery.Discover(new SharedLambdaBuild()));

        Assert.Contains("Targets A and B return the same delegate", error.Message);
    }

    [Theory]
    [InlineData("TargetNode", "target-node", "TARGET_NODE")]
    [InlineData("GHCRToken", "ghcr-token", "GHCR_TOKEN")]
    [InlineData("Tag", "tag", "TAG")]
    [InlineData("Sha256Digest", "sha256-digest", "SHA256_DIGEST")]
    public void Member_names_map_to_kebab_and_environment_names(string member, string kebab, string environment)
    {
        Assert.Equal(kebab, NameConvention.ToKebab(member));
        Assert.Equal(environment, NameConvention.ToEnvironment(member));
    }
}
