using BuildEngine;

namespace Engine.Tests;

public class CommandLineTests
{
    private static CommandLine Parse(params string[] args) => CommandLine.Parse(args, name => name == "force");

    [Fact]
    public void Targets_are_positional_and_parameters_take_the_next_token()
    {
        var line = Parse("Compile", "--tag", "v1", "Test");

        Assert.Equal(["Compile", "Test"], line.Targets);
        Assert.Equal("tag", Assert.Single(line.Parameters).Name);
        Assert.Equal(["v1"], line.Parameters[0].Values);
    }

    [Fact]
    public void A_bool_flag_only_takes_true_or_false_as_its_value()
    {
        var line = Parse("--force", "Deploy", "--force", "false");

        Assert.Equal(["Deploy"], line.Targets);
        Assert.Equal(["false"], Assert.Single(line.Parameters).Values);
    }

    [Fact]
    public void Equals_syntax_and_repeated_options_are_collected()
    {
        var line = Parse("--node=a", "--node", "b");

        Assert.Equal(["a", "b"], Assert.Single(line.Parameters).Values);
    }

    [Fact]
    public void Skip_takes_a_comma_list_or_stands_alone()
    {
        var named = Parse("Deploy", "--skip", "Restore,Compile");
        var alone = Parse("Deploy", "--skip");

        Assert.Equal(["Restore", "Compile"], named.SkipTargets);
        Assert.False(named.SkipAllNotInvoked);
        Assert.True(alone.SkipAllNotInvoked);
    }

    [Fact]
    public void Engine_options_are_recognised()
    {
        var line = Parse("--plan", "--profile", "ci", "--verbosity", "Verbose", "--root", "..", "--list-json", "-h");

        Assert.True(line.Plan);
        Assert.True(line.ListJson);
        Assert.True(line.Help);
        Assert.Equal("ci", line.Profile);
        Assert.Equal(Verbosity.Verbose, line.Verbosity);
        Assert.Equal("..", line.Root);
    }

    [Fact]
    public void An_option_that_needs_a_value_says_so()
    {
        var error = Assert.Throws<UsageException>(() => Parse("--profile"));

        Assert.Equal("--profile needs a value.", error.Message);
    }
}
