using BuildEngine;
using Engine.Tests.Support;

namespace Engine.Tests;

/// <summary>A target may end the run with an exit code of its own (Diff: 3 when a node drifted), so cron and CI can tell it from an error.</summary>
public sealed class TargetExitCodeTests : IDisposable
{
    private sealed class CheckingBuild : RecordingBuild
    {
        Target Check => _ => _.Executes(() => throw new BuildFailedException("2 of 4 node(s) drifted", 3));
        Target Crash => _ => _.Executes(() => throw new BuildFailedException("cannot reach workers-b"));
    }

    private readonly BuildHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public void A_failure_with_its_own_exit_code_ends_the_run_with_it()
    {
        var result = harness.Run<CheckingBuild>("Check");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("2 of 4 node(s) drifted", result.Output);
    }

    [Fact]
    public void A_plain_failure_still_exits_1()
    {
        Assert.Equal(ExitCodes.TargetFailed, harness.Run<CheckingBuild>("Crash").ExitCode);
    }
}
