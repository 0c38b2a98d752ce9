using BuildEngine;
using Engine.Tests.Support;

namespace Engine.Tests;

/// <summary>Rules declared on parameters ([AtLeast], [Matches]) and switches given a value: usage errors before any target runs.</summary>
public sealed class ParameterRuleTests : IDisposable
{
    private readonly BuildHarness harness = new();

    public void Dispose() => harness.Dispose();

    private RunResult Rejected(params string[] args)
    {
        var result = harness.Run<ParameterBuild>(["Dump", .. args]);
        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Empty(harness.Executed);
        Assert.False(File.Exists(Path.Combine(harness.Root, ParameterBuild.DumpFile)), "no target may run");
        Assert.DoesNotContain("   at ", result.Output);
        return result;
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    public void A_number_below_its_minimum_is_rejected_before_any_target_runs(string value)
    {
        var result = Rejected("--batch-size", value);

        Assert.Contains($"--batch-size: \"{value}\" is not valid: expected 1 or more (from the command line)", result.Output);
    }

    [Fact]
    public void A_rule_names_the_environment_variable_the_bad_value_came_from()
    {
        harness.Environment["KTRDR_BATCH_SIZE"] = "0";

        var result = Rejected();

        Assert.Contains("--batch-size: \"0\" is not valid: expected 1 or more (from environment variable KTRDR_BATCH_SIZE)", result.Output);
    }

    [Theory]
    [InlineData("bad tag!$x")]
    [InlineData("-leading-dash")]
    [InlineData(".leading-dot")]
    [InlineData("sha-1\n")]
    public void Text_that_does_not_match_its_pattern_is_rejected(string tag)
    {
        var result = Rejected("--tag", tag);

        Assert.Contains("--tag: ", result.Output);
        Assert.Contains("is not valid: expected a Docker tag (from the command line)", result.Output);
    }

    [Fact]
    public void A_long_value_is_shown_by_its_start_and_length()
    {
        var result = Rejected("--tag", new string('a', 200));

        Assert.Contains($"--tag: \"{new string('a', 40)}…\" (200 characters) is not valid", result.Output);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("sha-1a2b3c4")]
    [InlineData("v1.2.3_rc-1")]
    public void Values_that_keep_the_rules_bind(string tag)
    {
        var result = harness.Run<ParameterBuild>("Dump", "--tag", tag, "--batch-size", "1");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal(tag, ParameterBuild.ReadDump(harness)["Tag"]);
    }

    [Fact]
    public void A_128_character_tag_binds_and_129_does_not()
    {
        Assert.Equal(0, harness.Run<ParameterBuild>("Dump", "--tag", new string('a', 128)).ExitCode);
        File.Delete(Path.Combine(harness.Root, ParameterBuild.DumpFile));
        File.Delete(Path.Combine(harness.Root, RecordingBuild.ExecutedFile));
        Assert.Contains("(129 characters) is not valid", Rejected("--tag", new string('a', 129)).Output);
    }

    [Fact]
    public void A_switch_given_a_word_says_it_takes_no_value_instead_of_unknown_target()
    {
        var result = Rejected("--force", "maybe");

        Assert.Contains("--force is a switch: it takes no value, or true/false (found \"maybe\")", result.Output);
        Assert.DoesNotContain("Unknown target", result.Output);
    }

    [Fact]
    public void A_switch_followed_by_a_real_target_still_runs_it()
    {
        var result = harness.Run<ParameterBuild>("--force", "Dump");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal("True", ParameterBuild.ReadDump(harness)["Force"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData(",")]
    public void A_list_given_but_naming_nothing_is_rejected_instead_of_meaning_every_value(string value)
    {
        var result = Rejected("--target-node", value);

        Assert.Contains("--target-node: the value given names nothing: expected a node name (from the command line)", result.Output);
    }

    [Fact]
    public void A_list_left_out_keeps_its_default()
    {
        var result = harness.Run<ParameterBuild>("Dump");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal("", ParameterBuild.ReadDump(harness)["TargetNode"]);
    }
}
