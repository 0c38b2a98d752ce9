using Ktrdr.Deploy.Rendering.Bundles;
using Ktrdr.Deploy.Rendering.Compose;
using Ktrdr.Deploy.Rendering.Prometheus;
using Ktrdr.Deploy.Topology;
using Ktrdr.Deploy.Verification;

namespace Ktrdr.Deploy.EntryPoints;

/// <summary>
/// The workers an environment runs: every active KTRDR service of a worker or gpu node, with its id and public URL as
/// the node's .env makes them, its type from the uvicorn module it starts, and a GPU on gpu-role nodes.
/// </summary>
public static class ExpectedWorkerReader
{
    private static readonly string[] IdNames = ["KTRDR_WORKER_ID", "WORKER_ID"];
    private static readonly string[] UrlNames = ["KTRDR_WORKER_PUBLIC_BASE_URL", "WORKER_PUBLIC_BASE_URL"];

    public static IReadOnlyList<ExpectedWorker> Read(EnvironmentTopology env, DeploySources sources, string tag, List<Diagnostic> problems)
    {
        var workers = new List<(ExpectedWorker Worker, string Where)>();
        foreach (var node in env.Nodes)
        {
            var values = NodeVariables.For(env, node, tag);
            // a worker or gpu node's KTRDR services; on the core node only its workers (the single-host local stack)
            foreach (var service in ScrapeConfigGenerator.KtrdrServices(env, sources, node)
                         .Where(s => node.Role is NodeRole.Workers or NodeRole.Gpu || ScrapeConfigGenerator.IsWorker(s)))
            {
                var file = sources.ComposeFor(env, node).First(f => f.Services.Contains(service)).Path;
                var problem = new ServiceProblems(file, service, problems);
                var kind = Kind(service, problem);
                var id = Value(service, IdNames, values, problem,
                    "without it the worker invents a new id at every start and leaves a stale record; set e.g. ${NODE_NAME}-backtest-1");
                var url = Value(service, UrlNames, values, problem,
                    "the backend reaches the worker on it: set http://${NODE_HOST}:<published port>, with no trailing '/'");
                if (kind is null || id is null || url is null) continue;
                var clash = workers.FirstOrDefault(w => w.Worker.Id == id);
                if (clash.Worker is not null)
                    problem.Add(problem.EnvField(IdNames[0]), $"worker id \"{id}\" is also used by {clash.Where}",
                        "ids must be unique per node and slot: include ${NODE_NAME} and the slot number", IdNames[0]);
                else
                    workers.Add((new ExpectedWorker(id, kind.Value, url, node.Role == NodeRole.Gpu), $"{node.Name}/{service.Name}"));
            }
        }
        return workers.Select(w => w.Worker).ToList();
    }

    private static WorkerKind? Kind(ComposeService service, ServiceProblems problem)
    {
        if (WorkerModules.TypeOf(service) is { } type) return Enum.Parse<WorkerKind>(type, ignoreCase: true);
        problem.Add($"services.{service.Name}.command",
            $"expected a worker's uvicorn module ({string.Join(" or ", WorkerModules.Types.Keys)}), found \"{string.Join(' ', service.Command)}\"",
            "worker nodes run workers only: start the slot with python -m uvicorn <worker module>:app --host 0.0.0.0 --port <port>");
        return null;
    }

    private static string? Value(ComposeService service, string[] names, IReadOnlyDictionary<string, string> values, ServiceProblems problem, string hint)
    {
        var entry = names.Select(service.Env).FirstOrDefault(e => e is not null);
        var raw = entry?.Value ?? (entry is not null && values.TryGetValue(entry.Name, out var passed) ? passed : null);
        var value = raw is null ? "" : VariableReference.Substitute(raw, values).Trim();
        if (value.Length > 0) return value;
        problem.Add(problem.EnvField(names[0]),
            entry is null ? $"expected {names[0]} in the service's environment, found none" : $"expected {names[0]} to have a value, found \"{raw}\" (empty once the node's .env is applied)",
            hint, entry?.Name);
        return null;
    }

    /// <summary>
    /// Problems of one compose service, at its line. Nodes that share a compose file would report the same line
    /// once per node; only the first report of a file, line and field is kept.
    /// </summary>
    private sealed class ServiceProblems(string file, ComposeService service, List<Diagnostic> problems)
    {
        public string EnvField(string name) => $"services.{service.Name}.environment.{name}";

        /// <summary>A problem at the line of the named environment entry, or of the service when it has none.</summary>
        public void Add(string field, string message, string hint, string? variable = null)
        {
            var at = (variable is null ? null : service.Env(variable))?.Position ?? service.Position;
            if (problems.Any(p => p.File == file && p.Line == at.Line && p.Field == field)) return;
            problems.Add(new Diagnostic(file, at.Line, at.Column, field, message, hint));
        }
    }
}
