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
            throw;
        }
    }

    public static async Task StepAsync(string node, string step, Func<Task<string>> action) =>
        await StepAsync<bool>(node, step, async () => (true, await action()));
}
