using Ktrdr.Deploy.Commands.Output;
using Ktrdr.Deploy.Remote;
using static Ktrdr.Deploy.Remote.Execution.ShellQuote;

namespace Ktrdr.Deploy.Commands.Health;

/// <summary>What a container is doing, for draining it before a replacement.</summary>
public enum WorkerActivity { Idle, Busy, NotAWorker, Unknown }

/// <summary>How the backend lists a worker: its record's status, or why there is none to read.</summary>
public enum WorkerRegistration { Available, Busy, TemporarilyUnavailable, NotRegistered, Unknown, NotAsked }

/// <summary>A worker as it sees itself (<c>/health</c>) and as the backend lists it (<c>/workers/{id}</c>).</summary>
/// <param name="Operation">The operation the backend records the worker running, or null.</param>
public sealed record WorkerReport(WorkerActivity Activity, WorkerRegistration Registration, string? Operation)
{
    /// <summary>Busy by its own word, or by the backend's (its record is busy or names an operation).</summary>
    public bool IsBusy => Activity == WorkerActivity.Busy || Registration == WorkerRegistration.Busy || Operation is not null;

    /// <summary>Ready to take work again after a replacement: registered <c>available</c>; a container that is no worker,
    /// or a worker without an id or backend URL to ask about (its health check is then all there is), counts as ready.</summary>
    public bool IsServing => Activity == WorkerActivity.NotAWorker || Registration is WorkerRegistration.Available or WorkerRegistration.NotAsked;
}

/// <summary>
/// Asks a worker container, from inside (it knows its own port as <c>KTRDR_WORKER_PORT</c>, its id and the backend's
/// URL), what its <c>/health</c> says (<c>worker_status</c> idle or busy) and how the backend lists it
/// (<c>GET /workers/{id}</c>: status and current operation; 404 = not registered). A container without the port
/// variable is not a worker and needs no draining.
/// </summary>
public static class WorkerDrain
{
    private const string Probe =
        "import json, os, urllib.request, urllib.error\n" +
        "env = os.environ.get\n" +
        "port = env('KTRDR_WORKER_PORT')\n" +
        "if not port:\n" +
        "    print('activity=none'); raise SystemExit(0)\n" +
        "def get(url):\n" +
        "    return json.load(urllib.request.urlopen(url, timeout=5))\n" +
        "try: print('activity=' + str(get('http://127.0.0.1:%s/health' % port).get('worker_status')))\n" +
        "except Exception: print('activity=unknown')\n" +
        "wid = env('KTRDR_WORKER_ID') or env('WORKER_ID')\n" +
        "api = (env('KTRDR_API_CLIENT_BASE_URL') or env('KTRDR_API_URL') or '').rstrip('/')\n" +
        "if not (wid and api):\n" +
        "    print('registration=not-asked'); raise SystemExit(0)\n" +
        "try:\n" +
        "    record = get(api + '/workers/' + wid)\n" +
        "    print('registration=' + str(record.get('status')))\n" +
        "    print('operation=' + str(record.get('current_operation_id') or ''))\n" +
        "except urllib.error.HTTPError as e: print('registration=' + ('none' if e.code == 404 else 'unknown'))\n" +
        "except Exception: print('registration=unknown')\n";

    public static RemoteCommand Status(string containerId) => new(
        $"docker exec {Quote(containerId)} python -c {Quote(Probe)} 2>/dev/null || echo activity=unknown",
        $"ask {containerId[..Math.Min(12, containerId.Length)]} whether it is busy and registered");

    public static WorkerReport Parse(CommandResult result)
    {
        var lines = OutputText.Lines(result.StandardOutput);
        string? Last(string key) => lines.LastOrDefault(l => l.StartsWith(key + "=", StringComparison.Ordinal))?[(key.Length + 1)..];
        var activity = Last("activity") switch
        {
            "idle" => WorkerActivity.Idle,
            "busy" => WorkerActivity.Busy,
            "none" => WorkerActivity.NotAWorker,
            _ => WorkerActivity.Unknown,
        };
        var registration = Last("registration") switch
        {
            "available" => WorkerRegistration.Available,
            "busy" => WorkerRegistration.Busy,
            "temporarily_unavailable" => WorkerRegistration.TemporarilyUnavailable,
            "none" => WorkerRegistration.NotRegistered,
            "not-asked" => WorkerRegistration.NotAsked,
            null when activity == WorkerActivity.NotAWorker => WorkerRegistration.NotAsked,
            _ => WorkerRegistration.Unknown,
        };
        return new WorkerReport(activity, registration, Last("operation") is { Length: > 0 } op ? op : null);
    }

    /// <summary>How a report reads in a progress line.</summary>
    public static string Describe(WorkerReport report) => report.Activity switch
    {
        WorkerActivity.NotAWorker => "is not a worker",
        _ => $"{Words(report.Activity)}, {Words(report.Registration)}{(report.Operation is { } op ? $" (running {op})" : "")}",
    };

    private static string Words(WorkerActivity activity) => activity switch
    {
        WorkerActivity.Idle => "idle",
        WorkerActivity.Busy => "busy",
        _ => "activity unknown",
    };

    private static string Words(WorkerRegistration registration) => registration switch
    {
        WorkerRegistration.Available => "registered available",
        WorkerRegistration.Busy => "registered busy",
        WorkerRegistration.TemporarilyUnavailable => "registered temporarily_unavailable",
        WorkerRegistration.NotRegistered => "not registered",
        WorkerRegistration.NotAsked => "no worker id or backend URL to ask",
        _ => "registration unknown",
    };
}
