using BuildEngine;
using Engine.Tests.Support;

namespace Engine.Tests;

public sealed class ExecutionTests : IDisposable
{
    private sealed class FailingBuild : RecordingBuild
    {
        [Parameter("Fail with an unexpected exception")] readonly bool Crash = false;

        Target Compile => _ => _.Executes(() => Record(nameof(Compile)));

        Target Test => _ => _.DependsOn(Compile).Executes(() =>
        {
            Record(nameof(Test));
            if (Crash)
                throw new InvalidOperationException("Sequence contains no elements");
            throw new BuildFailedException("2 tests failed:\n  - AddsNumbers\n  - SubtractsNumbers");
        });

        Target Lint => _ => _.After(Test).Executes(() => Record(nameof(Lint)));
        Target Package => _ => _.DependsOn(Test).Executes(() => Record(nameof(Package)));
        Target Cleanup => _ => _.After(Lint, Package).AssuredAfterFailure().Executes(() => Record(nameof(Cleanup)));
        Target TestAnyway => _ => _.DependsOn(Compile).ProceedAfterFailure().Executes(() => throw new BuildFailedException("flaky"));
        Target Docs => _ => _.After(TestAnyway).Executes(() => Record(nameof(Docs)));
    }

    private sealed class ConditionalBuild : RecordingBuild
    {
        bool produced = true;

        Target Produce => _ => _.Executes(() => produced = false);
        Target Publish => _ => _.DependsOn(Produce).OnlyWhenDynamic(() => produced).Executes(() => Record(nameof(Publish)));

        Target Wait => _ => _.Executes(async cancellation =>
        {
            Record(nameof(Wait));
            await Task.Delay(Timeout.Infinite, cancellation);
        });

        Target Release => _ => _.After(Wait).AssuredAfterFailure().Executes(async () =>
        {
            await Task.Yield();
            Record(nameof(Release) + (CancellationToken.IsCancellationRequested ? "-cancelled" : ""));
        });
    }

    private readonly BuildHarness harness = new();

    public void Dispose() => harness.Dispose();

    private static TargetStatus StatusOf(RunResult result, string target)
    {
        var row = result.Output.Split('\n').Single(line => line.StartsWith($"| {target} "));
        return Enum.Parse<TargetStatus>(row.Split('|', StringSplitOptions.TrimEntries)[2]);
    }

    [Fact]
    public void A_failure_leaves_later_targets_not_run_and_exits_1()
    {
        var result = harness.Run<FailingBuild>("Test", "Lint");

        Assert.Equal(ExitCodes.TargetFailed, result.ExitCode);
        Assert.Equal(["Compile", "Test"], harness.Executed);
        Assert.Equal(TargetStatus.Failed, StatusOf(result, "Test"));
        Assert.Equal(TargetStatus.NotRun, StatusOf(result, "Lint"));
    }

    [Fact]
    public void AssuredAfterFailure_runs_even_after_a_failure()
    {
        var result = harness.Run<FailingBuild>("Package", "Lint", "Cleanup");

        Assert.Equal(["Compile", "Test", "Cleanup"], harness.Executed);
        Assert.Equal(TargetStatus.NotRun, StatusOf(result, "Package"));
        Assert.Equal(TargetStatus.Succeeded, StatusOf(result, "Cleanup"));
    }

    [Fact]
    public void ProceedAfterFailure_lets_later_independent_targets_run_but_the_run_still_fails()
    {
        var result = harness.Run<FailingBuild>("TestAnyway", "Docs");

        Assert.Equal(ExitCodes.TargetFailed, result.ExitCode);
        Assert.Equal(["Compile", "Docs"], harness.Executed);
        Assert.Equal(TargetStatus.Failed, StatusOf(result, "TestAnyway"));
    }

    [Fact]
    public void A_failure_message_is_printed_in_full_without_a_stack_trace()
    {
        var result = harness.Run<FailingBuild>("Test");

        Assert.Contains("Test failed after", result.Output);
        Assert.Contains("2 tests failed:\n  - AddsNumbers\n  - SubtractsNumbers", result.Output.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("   at ", result.Output);
    }

    [Fact]
    public void An_unexpected_exception_shows_its_message_and_points_to_verbose()
    {
        var result = harness.Run<FailingBuild>("Test", "--crash");

        Assert.Contains("Sequence contains no elements", result.Output);
        Assert.Contains("(InvalidOperationException - run with --verbosity verbose to see the stack trace)", result.Output);
        Assert.DoesNotContain("   at ", result.Output);
    }

    [Fact]
    public void Verbose_shows_the_stack_trace()
    {
        var result = harness.Run<FailingBuild>("Test", "--crash", "--verbosity", "verbose");

        Assert.Contains("System.InvalidOperationException: Sequence contains no elements", result.Output);
        Assert.Contains("   at ", result.Output);
    }

    [Fact]
    public void The_log_file_keeps_the_stack_trace_the_console_left_out()
    {
        harness.Run<FailingBuild>("Test", "--crash");

        var log = File.ReadAllText(Assert.Single(harness.LogFiles));
        Assert.Contains("System.InvalidOperationException: Sequence contains no elements", log);
        Assert.Contains("   at ", log);
    }

    [Fact]
    public void OnlyWhenDynamic_is_evaluated_after_the_earlier_targets_ran()
    {
        var result = harness.Run<ConditionalBuild>("Publish");

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(harness.Executed);
        Assert.Equal(TargetStatus.Skipped, StatusOf(result, "Publish"));
        Assert.Contains("OnlyWhenDynamic: produced", result.Output);
    }

    [Fact]
    public async Task Cancellation_stops_the_running_target_runs_assured_targets_prints_the_summary_and_exits_non_zero()
    {
        using var cancellation = new CancellationTokenSource();
        var watcher = Task.Run(async () =>
        {
            var executed = Path.Combine(harness.Root, RecordingBuild.ExecutedFile);
            while (!File.Exists(executed))
                await Task.Delay(10);
            await cancellation.CancelAsync();
        });

        var result = await harness.RunAsync<ConditionalBuild>(["Wait", "Release"], cancellation.Token);
        await watcher;

        Assert.Equal(ExitCodes.Cancelled, result.ExitCode);
        Assert.Equal(["Wait", "Release-cancelled"], harness.Executed);
        Assert.Equal(TargetStatus.Failed, StatusOf(result, "Wait"));
        Assert.Contains("Exit code: 130", result.Output);
    }
}
