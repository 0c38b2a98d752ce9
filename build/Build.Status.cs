using System.Text.Json;
using System.Text.Json.Nodes;
using BuildEngine;
using Ktrdr.Build.Support;
using Ktrdr.Deploy.Rendering.Bundles;
using Ktrdr.Deploy.Rollout.Status;
using Ktrdr.Deploy.Topology;
using Ktrdr.Deploy.Verification.Http;
using Serilog;

namespace Ktrdr.Build;

/// <summary>Status: what every node runs right now and what the backend has registered, read in parallel, changing nothing.</summary>
partial class Build
{
    Target Status => _ => _
        .Description("One table: node, service, image tag, state and health, uptime, last deploy, drift; then the backend's registered workers (--json <file>)")
        .Uses(() => Environment, () => TargetNode, () => Json)
        .Executes(async ct =>
        {
            var env = WithRuntimeAddresses(LoadTopology());
            var nodes = SelectNodes(env);
            var states = await Task.WhenAll(nodes.Select(n => NodeStatus.ReadAsync(() => ConnectAsync(n, ct), n, env.Name, ct)));
            var rows = StatusRows.From(states, DateTimeOffset.UtcNow);
            var workers = await RegisteredWorkersAsync(env, ct);

            StatusView.Print(env.Name, rows, workers);
            if (Json is not null)
            {
                var report = new { environment = env.Name, nodes = rows, workers };
                await File.WriteAllTextAsync(Json, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }) + "\n", ct);
                Log.Information("Report written to {File}", Path.GetFullPath(Json));
            }
        });

    /// <summary>The backend's worker records (id, type, endpoint, status), or one line saying why there are none.</summary>
    async Task<IReadOnlyList<RegisteredWorkerRow>> RegisteredWorkersAsync(EnvironmentTopology env, CancellationToken ct)
    {
        var problems = new List<Diagnostic>();
        var sources = DeploySources.Load(DeployRootPath, env, problems);
        var core = env.NodesWithRole(NodeRole.Core).FirstOrDefault();
        if (core is null || problems.Any(p => p.IsError) || CoreEndpoints.Url(env, sources, core, "ktrdr", CoreEndpoints.BackendPort) is not { } backend)
            return [new RegisteredWorkerRow("-", "-", "-", "no backend in this environment's files")];
        using var http = new VerifyHttp(VerifyPlanBuilder.HostMap(env), TimeSpan.FromSeconds(3));
        var answer = await http.GetAsync(new Uri(backend, "/api/v1/workers"), ct);
        if (!answer.TryJson(out var json, out var problem) || json is not JsonArray list)
            return [new RegisteredWorkerRow("-", "-", "-", problem.Length > 0 ? problem : "the backend's worker list is not a JSON list")];
        return [.. list.OfType<JsonObject>().Select(w => new RegisteredWorkerRow(
                (string?)w["worker_id"] ?? "?", (string?)w["worker_type"] ?? "?", (string?)w["endpoint_url"] ?? "?", (string?)w["status"] ?? "?"))
            .OrderBy(w => w.Endpoint, StringComparer.Ordinal)];
    }
}
