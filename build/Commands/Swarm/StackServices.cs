using Ktrdr.Deploy.Commands.Output;
using Ktrdr.Deploy.Remote;

namespace Ktrdr.Deploy.Commands.Swarm;

/// <summary>
/// One service of the stack as the manager reports it: its replicas running of desired (a task with a healthcheck only
/// counts as running once it is healthy), its update state (<c>updating</c>, <c>completed</c>, <c>rollback_completed</c>,
/// <c>paused</c>, ... or empty when it was never updated) and its newest task's state and error.
/// </summary>
public sealed record StackService(string Name, int Running, int Desired, string UpdateState, string TaskState, string TaskError)
{
    /// <summary>The service's name without the stack's prefix (<c>ktrdr_db</c> → <c>db</c>).</summary>
    public string ShortName(string stack) => Name.StartsWith(stack + "_", StringComparison.Ordinal) ? Name[(stack.Length + 1)..] : Name;
}

/// <summary>Reads the sections <see cref="SwarmCommands.StackStatus"/> prints.</summary>
public static class StackServicesOutput
{
    internal const string TasksMarker = "--tasks--";
    internal const string UpdatesMarker = "--updates--";

    public static IReadOnlyList<StackService> Parse(CommandResult result)
    {
        if (!result.Succeeded) throw UnexpectedOutputException.For("the stack's services", "the status command failed", result);
        var lines = result.StandardOutput.Replace("\r", "").Split('\n');
        var section = "services";
        var replicas = new List<(string Name, int Running, int Desired)>();
        var tasks = new Dictionary<string, (string State, string Error)>(StringComparer.Ordinal);
        var updates = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines.Where(l => l.Length > 0))
        {
            if (line is TasksMarker or UpdatesMarker) { section = line; continue; }
            var fields = line.Split('\t');
            switch (section)
            {
                case "services" when fields.Length >= 2 && Replicas(fields[1]) is { } r:
                    replicas.Add((fields[0], r.Running, r.Desired));
                    break;
                case TasksMarker when fields.Length >= 3:
                    // newest task first per slot ("ktrdr_db.1", then its history): the first says where the service is
                    var service = fields[0].Split('.')[0];
                    tasks.TryAdd(service, (fields[2], fields.Length > 3 ? fields[3] : ""));
                    break;
                case UpdatesMarker when fields.Length >= 1:
                    updates[fields[0]] = fields.Length > 1 ? fields[1] : "";
                    break;
            }
        }
        return [.. replicas.Select(r => new StackService(r.Name, r.Running, r.Desired, updates.GetValueOrDefault(r.Name, ""),
            tasks.TryGetValue(r.Name, out var t) ? t.State : "", tasks.TryGetValue(r.Name, out var e) ? e.Error : ""))];
    }

    /// <summary><c>1/1</c>, or <c>1/1 (max 1 per node)</c>.</summary>
    private static (int Running, int Desired)? Replicas(string text)
    {
        var parts = text.Split(' ')[0].Split('/');
        return parts.Length == 2 && int.TryParse(parts[0], out var running) && int.TryParse(parts[1], out var desired) ? (running, desired) : null;
    }
}
