using System.Diagnostics;
using BuildEngine;
using Serilog;

namespace Ktrdr.Deploy.Rollout.Nodes;

/// <summary>A line per step per node, with how long it took: <c>  workers-b  upload     bundle 3f2a9c01 (4 files)   0.12s</c>.</summary>
public static class NodeProgress
{
    public static async Task<T> StepAsync<T>(string node, string step, Func<Task<(T Value, string Detail)>> action)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            var (value, detail) = await action();
            Log.Information("  {Node,-10} {Step,-12} {Detail}  {Elapsed}", node, step, detail, Elapsed.Format(watch.Elapsed));
            return value;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.Error("  {Node,-10} {Step,-12} failed after {Elapsed}", node, step, Elapsed.Format(watch.Elapsed));
            if (!e.Data.Contains(StepKey)) e.Data[StepKey] = step;   // the innermost step is the one that failed
            throw;
        }
    }

    private const string StepKey = "ktrdr.node-step";

    /// <summary>The step an exception escaped from (for the run's report), or null when it came from outside any step.</summary>
    public static string? FailedStep(Exception e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
            if (inner.Data[StepKey] is string step) return step;
        return null;
    }

    public static async Task StepAsync(string node, string step, Func<Task<string>> action) =>
        await StepAsync<bool>(node, step, async () => (true, await action()));
}
