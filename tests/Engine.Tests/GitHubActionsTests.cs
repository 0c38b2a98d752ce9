using BuildEngine;
using Engine.Tests.Support;

namespace Engine.Tests;

public sealed class GitHubActionsTests : IDisposable
{
    private sealed class CiBuild : RecordingBuild
    {
        Target Compile => _ => _.Executes(() => Serilog.Log.Information("compiling"));
        Target Deploy => _ => _.DependsOn(Compile).Executes(() => throw new BuildFailedException("node core: unreachable\nsecond line"));
    }

    private readonly BuildHarness harness = new();

    public void Dispose() => harness.Dispose();

    private string[] Lines(RunResult result) => result.Output.ReplaceLineEndings("\n").Split('\n');

    [Fact]
    public void Under_GitHub_Actions_each_target_is_a_group_and_a_failure_an_error_annotation()
    {
        harness.Environment["GITHUB_ACTIONS"] = "true";

        var lines = Lines(harness.Run<CiBuild>("Deploy"));

        var compileStart = Array.IndexOf(lines, "::group::Compile");
        var compiling = Array.FindIndex(lines, l => l.EndsWith("compiling"));
        var compileEnd = Array.IndexOf(lines, "::endgroup::", compileStart);
        Assert.True(compileStart >= 0 && compileStart < compiling && compiling < compileEnd, string.Join("\n", lines));
        Assert.Contains("::group::Deploy", lines);
        Assert.Contains("::error title=Deploy failed::node core: unreachable%0Asecond line", lines);
    }

    [Fact]
    public void Outside_GitHub_Actions_no_workflow_commands_are_written()
    {
        var result = harness.Run<CiBuild>("Deploy");

        Assert.DoesNotContain("::group::", result.Output);
        Assert.DoesNotContain("::error", result.Output);
    }

    [Fact]
    public void Properties_and_data_are_escaped_as_the_runner_expects()
    {
        var output = new StringWriter();

        new GitHubActions(output, active: true).Error("a:b,c", "100% done\r\nnext");

        Assert.Equal("::error title=a%3Ab%2Cc::100%25 done%0D%0Anext", output.ToString().TrimEnd());
    }
}
