using Ktrdr.Deploy.Commands.Output;
using Ktrdr.Deploy.Remote;
using static Ktrdr.Deploy.Remote.Execution.ShellQuote;

namespace Ktrdr.Deploy.Commands.Health;

/// <summary>What a container is doing, for draining it before a replacement.</summary>
public enum WorkerActivity { Idle, Busy, NotAWorker, Unknown }

/// <summary>
/// Asks a worker container, from inside (it knows its own port as <c>KTRDR_WORKER_PORT</c>), what its <c>/health</c>
/// says: <c>worker_status</c> idle or busy. A container without that variable is not a worker and needs no draining.
/// </summary>
public static class WorkerDrain
{
    private const string Probe =
        "import json, os, urllib.request\n" +
        "port = os.environ.get('KTRDR_WORKER_PORT')\n" +
        "print('activity=none' if not port else 'activity=' + str(json.load(urllib.request.urlopen('http://127.0.0.1:%s/health' % port, timeout=5)).get('worker_status')))\n";

    public static RemoteCommand Status(string containerId) => new(
        $"docker exec {Quote(containerId)} python -c {Quote(Probe)} 2>/dev/null || echo activity=unknown",
        $"ask {containerId[..Math.Min(12, containerId.Length)]} whether it is busy");

    public static WorkerActivity Parse(CommandResult result) =>
        OutputText.Lines(result.StandardOutput).LastOrDefault(l => l.StartsWith("activity=", StringComparison.Ordinal)) switch
        {
            "activity=idle" => WorkerActivity.Idle,
            "activity=busy" => WorkerActivity.Busy,
            "activity=none" => WorkerActivity.NotAWorker,
            _ => WorkerActivity.Unknown,
        };
}
