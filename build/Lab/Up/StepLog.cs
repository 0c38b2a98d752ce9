using System.Diagnostics;
using Serilog;

namespace Ktrdr.Deploy.Lab.Up;

/// <summary>Runs LabUp's steps one by one, printing a line per step with what changed and how long it took.</summary>
internal sealed class StepLog
{
    private readonly List<string> _changes = [];

    /// <summary>What the steps changed, in order; empty when the lab was already up.</summary>
    public IReadOnlyList<string> Changes => _changes;

    /// <summary>Runs a step that returns a value and a description of what it changed (null: nothing).</summary>
    public async Task<T> RunAsync<T>(string step, Func<Task<(T Value, string? Change)>> action)
    {
        var watch = Stopwatch.StartNew();
        var (value, change) = await action();
        if (change is not null) _changes.Add($"{step}: {change}");
        Log.Information("{Step,-16} {Outcome}  {Elapsed}", step, change ?? "ok", BuildEngine.Elapsed.Format(watch.Elapsed));
        return value;
    }

    public Task RunAsync(string step, Func<Task<string?>> action) =>
        RunAsync<bool>(step, async () => (true, await action()));
}
