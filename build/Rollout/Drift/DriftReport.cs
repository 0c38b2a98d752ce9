namespace Ktrdr.Deploy.Rollout.Drift;

/// <summary>One line of the Diff table.</summary>
public sealed record DriftRow(string Node, string Area, string Subject, string What);

/// <summary>
/// The Diff report in pure code: the table's rows, the diffs to print under it, the JSON document and the exit code
/// (<see cref="InSyncExitCode"/> 0, <see cref="DriftExitCode"/> 3 when a node drifted, 1 when a node could not be read).
/// </summary>
public static class DriftReport
{
    public const int InSyncExitCode = 0;
    public const int DriftExitCode = 3;
    public const int ErrorExitCode = 1;

    public static IReadOnlyList<DriftRow> Rows(IReadOnlyList<NodeDrift> nodes) =>
    [
        .. nodes.SelectMany(n => n.Error is not null ? [new DriftRow(n.Node, "-", "-", n.Summary)]
            : n.InSync ? [new DriftRow(n.Node, "-", "-", "in sync")]
            : n.Findings.Select(f => new DriftRow(n.Node, f.Area.ToString().ToLowerInvariant(), f.Subject, f.What))),
    ];

    /// <summary>Each changed text file's unified diff, headed by its node.</summary>
    public static IEnumerable<(string Node, string Diff)> Diffs(IReadOnlyList<NodeDrift> nodes) =>
        nodes.SelectMany(n => n.Findings.Where(f => f.Diff is not null).Select(f => (n.Node, f.Diff!)));

    public static int ExitCode(IReadOnlyList<NodeDrift> nodes) =>
        nodes.Any(n => n.Error is not null) ? ErrorExitCode : nodes.Any(n => !n.InSync) ? DriftExitCode : InSyncExitCode;

    /// <summary>"2 of 4 node(s) drifted: workers-b (drifted: 1 file), ..."; null when every node is in sync.</summary>
    public static string? Failure(IReadOnlyList<NodeDrift> nodes)
    {
        var bad = nodes.Where(n => !n.InSync).ToList();
        if (bad.Count == 0) return null;
        var unreadable = bad.Count(n => n.Error is not null);
        return $"{bad.Count} of {nodes.Count} node(s) {(unreadable > 0 ? "drifted or could not be read" : "drifted")}: " +
               string.Join("; ", bad.Select(n => $"{n.Node} ({n.Summary})")) +
               (unreadable > 0 ? "" : ". A deploy puts them back (./build.sh Deploy<Role> --target-node <node>); docs/OPERATIONS.md has the hot-fix path that keeps a change");
    }

    /// <summary>
    /// The machine-readable report (--json): what the nodes were compared with (<c>deployed</c>: each node's own stamp;
    /// <c>tag sha-...</c>: that tag's bundle), every node, its summary, findings (with diffs) and notes.
    /// </summary>
    public static object Json(string environment, string against, IReadOnlyList<NodeDrift> nodes) => new
    {
        environment,
        against,
        inSync = nodes.All(n => n.InSync),
        exitCode = ExitCode(nodes),
        nodes = nodes.Select(n => new
        {
            node = n.Node, inSync = n.InSync, summary = n.Summary, error = n.Error, notes = n.Notes,
            findings = n.Findings.Select(f => new { area = f.Area.ToString().ToLowerInvariant(), subject = f.Subject, what = f.What, diff = f.Diff }),
        }),
    };
}
