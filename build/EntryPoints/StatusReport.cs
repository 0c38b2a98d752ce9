using System.Text.Json;
using Ktrdr.Deploy.Rollout.Orchestration;
using Ktrdr.Deploy.Rollout.Status;
using Ktrdr.Deploy.Rollout.Swarm;
using Ktrdr.Deploy.Topology;
using Serilog;

namespace Ktrdr.Deploy.EntryPoints;

/// <summary>Status: what every node runs right now and what the backend has registered, read in parallel, changing nothing.</summary>
public static class StatusReport
{
    /// <param name="json">Also write the report as JSON to this file.</param>
    public static async Task RunAsync(OperationScope scope, IReadOnlyList<string> targetNodes, string deployRoot, string? json, CancellationToken ct)
    {
        var env = scope.Env;
        var nodes = Ktrdr.Deploy.Topology.NodeSelector.Select(env, targetNodes);
        IReadOnlyList<StatusRow> rows;
        if (env.Engine == DeployEngine.Swarm)
        {
            // one stack for every node: core's manager knows every service (--target-node keeps those nodes' rows)
            rows = [.. (await StackReports.StatusAsync(scope, ct)).Where(r => targetNodes.Count == 0 || nodes.Any(n => n.Name == r.Node) || r.Service == "-")];
            Log.Information("Engine swarm: the stack {Stack} as core's manager reports it", Ktrdr.Deploy.Rendering.Swarm.SwarmNames.Stack);
        }
        else
        {
            var states = await Task.WhenAll(nodes.Select(n => NodeStatus.ReadAsync(() => scope.Connections.ConnectAsync(n, ct), n, scope.Env.Name, ct)));
            rows = StatusRows.From(states, DateTimeOffset.UtcNow);
        }
        var workers = await RegisteredWorkers.ReadAsync(env, deployRoot, ct);

        StatusView.Print(env.Name, rows, workers);
        if (json is not null)
        {
            var report = new { environment = env.Name, nodes = rows, workers };
            await File.WriteAllTextAsync(json, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }) + "\n", ct);
            Log.Information("Report written to {File}", Path.GetFullPath(json));
        }
    }
}
