using System.Diagnostics;
using Serilog;

namespace BuildEngine;

/// <summary>
/// Runs a plan in order. A failure stops the run (later targets NotRun) unless the failed target has
/// ProceedAfterFailure; a target with AssuredAfterFailure runs regardless. A target whose dependency failed or did
/// not run does not run either. OnlyWhenDynamic is evaluated just before a target starts.
/// </summary>
public sealed class TargetExecutor(GitHubActions github, bool verbose, CancellationToken cancellation, IReadOnlyCollection<Type>? expectedFailures = null)
{
    public async Task<IReadOnlyList<TargetResult>> RunAsync(ExecutionPlan plan)
    {
        var results = new List<TargetResult>();
        var unsuccessful = new HashSet<ExecutableTarget>();
        string? stopReason = null;
        foreach (var planned in plan.Targets)
        {
            var target = planned.Target;
            var result = planned.IsSkipped
                ? Skip(target, planned.SkipReason!)
                : WhyNotRun(target, stopReason, unsuccessful) is { } reason
                    ? TargetResult.NotRun(target, reason)
                    : await RunAsync(target);
            results.Add(result);
            if (result.Status is TargetStatus.Failed or TargetStatus.NotRun)
                unsuccessful.Add(target);
            if (result.Status == TargetStatus.Failed && !target.ProceedAfterFailure)
                stopReason ??= $"{target.Name} failed";
        }

        return results;
    }

    private string? WhyNotRun(ExecutableTarget target, string? stopReason, HashSet<ExecutableTarget> unsuccessful)
    {
        if (target.AssuredAfterFailure)
            return null;
        if (cancellation.IsCancellationRequested)
            return "cancelled";
        if (stopReason is not null)
            return stopReason;
        var dependency = target.DependsOn.FirstOrDefault(unsuccessful.Contains);
        return dependency is null ? null : $"dependency {dependency.Name} did not succeed";
    }

    private static TargetResult Skip(ExecutableTarget target, string reason)
    {
        Log.Information("Skipping {Target}: {Reason}", target.Name, reason);
        return TargetResult.Skipped(target, reason);
    }

    private async Task<TargetResult> RunAsync(ExecutableTarget target)
    {
        github.StartGroup(target.Name);
        Log.Information("Starting {Target}", target.Name);
        var clock = Stopwatch.StartNew();
        string? failure = null;
        int? exitCode = null;
        try
        {
            var unmet = target.DynamicConditions.FirstOrDefault(condition => !condition.IsMet());
            if (unmet is not null)
                return Skip(target, $"OnlyWhenDynamic: {unmet.Text}");
            foreach (var action in target.Actions)
                await action(cancellation);
            clock.Stop();
            Log.Information("Finished {Target} in {Duration}", target.Name, Elapsed.Format(clock.Elapsed));
        }
        catch (Exception exception)
        {
            clock.Stop();
            failure = Report(target, exception, clock.Elapsed);
            exitCode = (ErrorText.Unwrap(exception) as BuildFailedException)?.ExitCode;
        }
        finally
        {
            github.EndGroup();
        }

        if (failure is null)
            return new TargetResult(target.Name, TargetStatus.Succeeded, clock.Elapsed, null);
        github.Error($"{target.Name} failed", failure);
        return new TargetResult(target.Name, TargetStatus.Failed, clock.Elapsed, ErrorText.FirstLine(failure)) { ExitCode = exitCode };
    }

    private string Report(ExecutableTarget target, Exception exception, TimeSpan elapsed)
    {
        var cancelled = exception is OperationCanceledException && cancellation.IsCancellationRequested;
        var message = cancelled ? "cancelled" : ErrorText.Message(exception);
        var actual = ErrorText.Unwrap(exception);
        Log.Error(actual, "{Target} failed after {Duration}: {Message}", target.Name, Elapsed.Format(elapsed), message);
        if (!cancelled && !ErrorText.IsExpected(actual, expectedFailures) && !verbose)
            Log.Information("({Type} - run with --verbosity verbose to see the stack trace)", actual.GetType().Name);
        return message;
    }
}
