using BuildEngine;
using Engine.Tests.Support;

namespace Engine.Tests;

public sealed class ParameterBindingTests : IDisposable
{
    private readonly BuildHarness harness = new();

    public void Dispose() => harness.Dispose();

    private Dictionary<string, string> Bind(params string[] args)
    {
        var result = harness.Run<ParameterBuild>(["Dump", .. args]);
        Assert.True(result.ExitCode == 0, result.Output);
        return ParameterBuild.ReadDump(harness);
    }

    [Fact]
    public void Members_keep_their_initializer_when_nothing_is_given()
    {
        var values = Bind();

        Assert.Equal("latest", values["Tag"]);
        Assert.Equal("4", values["BatchSize"]);
        Assert.Equal("00:05:00", values["Timeout"]);
        Assert.Equal("null", values["Retries"]);
    }

    [Fact]
    public void Every_type_binds_from_the_command_line()
    {
        var values = Bind("--target-node", "workers-b,workers-c", "--target-node", "gpu", "--tag", "sha-1a2b",
            "--force", "--batch-size", "8", "--stage", "home-lab", "--timeout", "90s", "--retries", "3");

        Assert.Equal("workers-b|workers-c|gpu", values["TargetNode"]);
        Assert.Equal("sha-1a2b", values["Tag"]);
        Assert.Equal("True", values["Force"]);
        Assert.Equal("8", values["BatchSize"]);
        Assert.Equal("HomeLab", values["Stage"]);
        Assert.Equal("00:01:30", values["Timeout"]);
        Assert.Equal("3", values["Retries"]);
    }

    [Fact]
    public void A_bool_flag_followed_by_a_target_does_not_swallow_it_and_accepts_an_explicit_value()
    {
        var result = harness.Run<ParameterBuild>("--force", "false", "--tag=v2", "Dump");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("False", ParameterBuild.ReadDump(harness)["Force"]);
        Assert.Equal("v2", ParameterBuild.ReadDump(harness)["Tag"]);
    }

    [Fact]
    public void Environment_variables_bind_with_and_without_the_prefix_and_the_prefixed_one_wins()
    {
        harness.Environment["BATCH_SIZE"] = "16";
        harness.Environment["TAG"] = "plain";
        harness.Environment["KTRDR_TAG"] = "prefixed";
        harness.Environment["KTRDR_TARGET_NODE"] = "core,workers-b";

        var values = Bind();

        Assert.Equal("16", values["BatchSize"]);
        Assert.Equal("prefixed", values["Tag"]);
        Assert.Equal("core|workers-b", values["TargetNode"]);
    }

    [Fact]
    public void An_empty_environment_variable_counts_as_unset()
    {
        harness.Environment["KTRDR_TAG"] = "";

        Assert.Equal("latest", Bind()["Tag"]);
    }

    [Fact]
    public void Parameters_file_binds_pascal_and_kebab_keys_and_arrays()
    {
        harness.WriteParameters("""{ "$schema": "x", "Tag": "from-json", "batch-size": 12, "TargetNode": ["a", "b"], "Force": true }""");

        var values = Bind();

        Assert.Equal("from-json", values["Tag"]);
        Assert.Equal("12", values["BatchSize"]);
        Assert.Equal("a|b", values["TargetNode"]);
        Assert.Equal("True", values["Force"]);
    }

    [Fact]
    public void Precedence_is_command_line_then_environment_then_profile_then_parameters_json()
    {
        harness.WriteParameters("""{ "Tag": "json", "BatchSize": 1, "Stage": "dev", "Timeout": "1m" }""");
        harness.WriteParameters("""{ "Tag": "profile", "BatchSize": 2, "Stage": "production" }""", "ci");
        harness.Environment["TAG"] = "env";
        harness.Environment["BATCH_SIZE"] = "3";

        var values = Bind("--profile", "ci", "--tag", "cli");

        Assert.Equal("cli", values["Tag"]);
        Assert.Equal("3", values["BatchSize"]);
        Assert.Equal("Production", values["Stage"]);
        Assert.Equal("00:01:00", values["Timeout"]);
    }

    [Fact]
    public void A_missing_profile_file_is_an_error_listing_the_profiles_that_exist()
    {
        harness.WriteParameters("{}", "ci");

        var result = harness.Run<ParameterBuild>("Dump", "--profile", "prod");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("--profile prod: .nuke/parameters.prod.json does not exist. Profiles found: ci.", result.Output);
    }

    [Theory]
    [InlineData("cli", "--batch-size: \"two\" is not a whole number (from the command line)")]
    [InlineData("env", "--batch-size: \"two\" is not a whole number (from environment variable KTRDR_BATCH_SIZE)")]
    [InlineData("json", "--batch-size: \"two\" is not a whole number (from .nuke/parameters.json, line 3)")]
    public void A_type_error_names_the_source_of_the_bad_value(string source, string expected)
    {
        string[] args = source == "cli" ? ["Dump", "--batch-size", "two"] : ["Dump"];
        if (source == "env")
            harness.Environment["KTRDR_BATCH_SIZE"] = "two";
        if (source == "json")
            harness.WriteParameters("{\n  \"Tag\": \"x\",\n  \"BatchSize\": \"two\"\n}");

        var result = harness.Run<ParameterBuild>(args);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains(expected, result.Output);
        Assert.Empty(harness.Executed);
        Assert.False(File.Exists(Path.Combine(harness.Root, ParameterBuild.DumpFile)));
    }

    [Fact]
    public void All_bad_values_are_reported_together()
    {
        var result = harness.Run<ParameterBuild>("Dump", "--batch-size", "x", "--stage", "qa", "--timeout", "later");

        Assert.Contains("--batch-size: \"x\" is not a whole number", result.Output);
        Assert.Contains("--stage: \"qa\" is not one of: dev, home-lab, production (from the command line)", result.Output);
        Assert.Contains("--timeout: \"later\" is not a duration", result.Output);
    }

    [Fact]
    public void An_unknown_command_line_parameter_suggests_the_closest_and_lists_the_valid_ones()
    {
        var result = harness.Run<ParameterBuild>("Dump", "--target-nod", "core");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("Unknown parameter \"--target-nod\". Did you mean \"--target-node\"?", result.Output);
        Assert.Contains("Valid parameters: --target-node, --tag, --force, --batch-size", result.Output);
    }

    [Fact]
    public void An_unknown_key_in_parameters_json_names_file_line_and_suggestion()
    {
        harness.WriteParameters("{\n  \"Tag\": \"x\",\n  \"TargetNodes\": [\"a\"]\n}");

        var result = harness.Run<ParameterBuild>("Dump");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains(".nuke/parameters.json, line 3: Unknown parameter \"TargetNodes\". Did you mean \"TargetNode\"?", result.Output);
    }

    [Fact]
    public void Invalid_json_in_parameters_file_names_the_file_and_line()
    {
        harness.WriteParameters("{\n  \"Tag\": \"x\"\n  \"Force\": true\n}");

        var result = harness.Run<ParameterBuild>("Dump");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains(".nuke/parameters.json, line 3: not valid JSON", result.Output);
    }

    [Fact]
    public void An_object_value_in_parameters_json_is_refused_with_what_was_expected()
    {
        harness.WriteParameters("{ \"Tag\": { \"name\": \"x\" } }");

        var result = harness.Run<ParameterBuild>("Dump");

        Assert.Contains(".nuke/parameters.json, line 1, \"Tag\": expected a string, number, boolean or an array of those, found an object.", result.Output);
    }
}
