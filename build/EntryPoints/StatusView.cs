using Ktrdr.Deploy.Rollout.Status;
using Serilog;

namespace Ktrdr.Deploy.EntryPoints;

/// <summary>A worker as the backend has it registered.</summary>
public sealed record RegisteredWorkerRow(string Id, string Type, string Endpoint, string Status);

/// <summary>Prints Status: the node table, then the registered workers, aligned.</summary>
public static class StatusView
{
    public static void Print(string environment, IReadOnlyList<StatusRow> rows, IReadOnlyList<RegisteredWorkerRow> workers)
    {
        Log.Information("Status of {Environment}:", environment);
        Table(["node", "service", "tag", "state", "uptime", "drift", "last deploy"],
            rows.Select(r => new[] { r.Node, r.Service, r.Tag, r.State, r.Uptime, r.Drift, r.LastDeploy }).ToList());
        Log.Information("Workers registered with the backend ({Count}):", workers.Count(w => w.Id != "-"));
        Table(["worker", "type", "endpoint", "status"], workers.Select(w => new[] { w.Id, w.Type, w.Endpoint, w.Status }).ToList());
    }

    /// <summary>Column-aligned lines, each through the log (so masked); the last column is never padded.</summary>
    internal static void Table(string[] header, IReadOnlyList<string[]> lines)
    {
        var widths = header.Select((h, i) => Math.Min(48, lines.Select(l => l[i].Length).Append(h.Length).Max())).ToArray();
        string Line(string[] cells) => "  " + string.Join("  ", cells.Select((c, i) => i == cells.Length - 1 ? c : c.PadRight(widths[i])));
        Log.Information("{Line}", Line(header));
        foreach (var line in lines) Log.Information("{Line}", Line(line));
    }
}
