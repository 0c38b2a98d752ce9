using System.Text.Json.Nodes;
using Ktrdr.Deploy.Rendering.Bundles;
using Ktrdr.Deploy.Rollout.Status;
using Ktrdr.Deploy.Topology;
using Ktrdr.Deploy.Verification.Http;

namespace Ktrdr.Deploy.EntryPoints;

/// <summary>The backend's worker records for Status (id, type, endpoint, status), or one row saying why there are none.</summary>
public static class RegisteredWorkers
{
    public static async Task<IReadOnlyList<RegisteredWorkerRow>> ReadAsync(EnvironmentTopology env, string deployRoot, CancellationToken ct)
    {
        var problems = new List<Diagnostic>();
        var sources = DeploySources.Load(deployRoot, env, problems);
        var core = env.NodesWithRole(NodeRole.Core).FirstOrDefault();
        if (core is null || problems.Any(p => p.IsError) || CoreEndpoints.Url(env, sources, core, "ktrdr", CoreEndpoints.BackendPort) is not { } backend)
            return [new RegisteredWorkerRow("-", "-", "-", "no backend in this environment's files")];
        using var http = new VerifyHttp(VerifyPlanBuilder.HostMap(env), TimeSpan.FromSeconds(3));
        var answer = await http.GetAsync(new Uri(backend, "/api/v1/workers"), ct);
        if (!answer.TryJson(out var json, out var problem) || json is not JsonArray list)
            return [new RegisteredWorkerRow("-", "-", "-", problem.Length > 0 ? problem : "the backend's worker list is not a JSON list")];
        return Parse(list);
    }

    /// <summary>The rows of the backend's worker list, ordered by endpoint; a missing field reads "?".</summary>
    public static IReadOnlyList<RegisteredWorkerRow> Parse(JsonArray list) =>
        [.. list.OfType<JsonObject>().Select(w => new RegisteredWorkerRow(
                (string?)w["worker_id"] ?? "?", (string?)w["worker_type"] ?? "?", (string?)w["endpoint_url"] ?? "?", (string?)w["status"] ?? "?"))
            .OrderBy(w => w.Endpoint, StringComparer.Ordinal)];
}
