using System.Text.Json;
using BuildEngine;
using Ktrdr.Deploy.Rollout.Drift;
using Ktrdr.Deploy.Rollout.Orchestration;
using Ktrdr.Deploy.Rollout.Swarm;
using Ktrdr.Deploy.Topology;
using Serilog;

namespace Ktrdr.Deploy.EntryPoints;

/// <summary>Prints the Diff report (a table, then each changed file's diff) and writes it as JSON; every line passes the secret masker.</summary>
public static class DriftView
{
    /// <summary>
    /// The Diff target: read every selected node, print the report, fail with the drift exit code (3) when one drifted.
    /// Without --tag each node is compared with what its own stamp says was deployed; with it, with the bundle for that tag.
    /// </summary>
    public static async Task RunAsync(OperationScope scope, IReadOnlyList<string> targetNodes, string? tag, string? jsonFile, CancellationToken ct)
    {
        if (scope.Env.Engine == DeployEngine.Swarm)
        {
            await SwarmDiffAsync(scope, jsonFile, ct);
            return;
        }
        var baseline = tag is null ? DiffBaseline.Deployed : DiffBaseline.Tag;
        var drifts = await DiffOperation.ReadAsync(scope, NodeSelector.Select(scope.Env, targetNodes), baseline, ct);
        Log.Information("Drift of {Environment}: {Baseline}", scope.Env.Name, baseline == DiffBaseline.Deployed
            ? "each node against what its own stamp says was deployed there (--tag compares with a tag's bundle instead)"
            : $"the bundle and images of tag {scope.Tag} against each node (what a deploy of it would change)");
        Print(scope.Env.Name, baseline == DiffBaseline.Deployed ? "deployed" : $"tag {scope.Tag}", drifts, jsonFile);
        if (DriftReport.Failure(drifts) is { } failure) throw new BuildFailedException(failure, DriftReport.ExitCode(drifts));
    }

    /// <summary>
    /// Diff on engine swarm: one stack for every node, so one comparison on core's manager: the stack rendered for this
    /// run's tag (secrets fetched, as the deploy does) against our stamp and what the stack runs; exit 3 when a deploy would change something.
    /// </summary>
    private static async Task SwarmDiffAsync(OperationScope scope, string? jsonFile, CancellationToken ct)
    {
        var findings = await StackReports.DiffAsync(scope, ct);
        Log.Information("Drift of {Environment} (engine swarm): the stack rendered for tag {Tag} against what core's manager runs (what a deploy would change)",
            scope.Env.Name, scope.Tag);
        StatusView.Table(["node", "area", "subject", "what"], findings.Select(f => new[] { scope.Core.Name, f.Area, f.Subject, f.What }).ToList());
        Log.Information("  {Node,-10} {Summary}", scope.Core.Name, findings.Count == 0 ? "in sync: a deploy would change nothing" : $"{findings.Count} difference(s)");
        if (jsonFile is not null)
        {
            var json = JsonSerializer.Serialize(new { environment = scope.Env.Name, engine = "swarm", against = $"tag {scope.Tag}", findings,
                exitCode = findings.Count == 0 ? DriftReport.InSyncExitCode : DriftReport.DriftExitCode }, new JsonSerializerOptions { WriteIndented = true });
            await File.WriteAllTextAsync(jsonFile, SecretMasker.Mask(json) + "\n", ct);
            Log.Information("Report written to {File}", Path.GetFullPath(jsonFile));
        }
        if (findings.Count > 0)
            throw new BuildFailedException($"the stack differs from the one rendered for tag {scope.Tag} ({findings.Count} difference(s)): a deploy would change it",
                DriftReport.DriftExitCode);
    }

    private static void Print(string environment, string against, IReadOnlyList<NodeDrift> nodes, string? jsonFile)
    {
        var rows = DriftReport.Rows(nodes);
        StatusView.Table(["node", "area", "subject", "what"], rows.Select(r => new[] { r.Node, r.Area, r.Subject, r.What }).ToList());
        foreach (var node in nodes.Where(n => n.Notes.Count > 0))
            foreach (var note in node.Notes) Log.Information("  {Node}: {Note}", node.Node, note);
        foreach (var (node, diff) in DriftReport.Diffs(nodes))
        {
            Log.Information("{Node}:", node);
            foreach (var line in diff.Split('\n')) Log.Information("  {Line}", line);
        }
        foreach (var node in nodes) Log.Information("  {Node,-10} {Summary}", node.Node, node.Summary);
        if (jsonFile is null) return;
        var json = JsonSerializer.Serialize(DriftReport.Json(environment, against, nodes), new JsonSerializerOptions { WriteIndented = true });
        File.WriteAllText(jsonFile, SecretMasker.Mask(json) + "\n");
        Log.Information("Report written to {File}", Path.GetFullPath(jsonFile));
    }
}
