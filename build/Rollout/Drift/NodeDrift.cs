namespace Ktrdr.Deploy.Rollout.Drift;

/// <summary>
/// The drift of one node: its findings (none: in sync), what could not be compared and why (<see cref="Notes"/>), or
/// why the node could not be read at all (<see cref="Error"/>).
/// </summary>
public sealed record NodeDrift(string Node, IReadOnlyList<DriftFinding> Findings, IReadOnlyList<string> Notes, string? Error = null)
{
    public static NodeDrift Unreadable(string node, string error) => new(node, [], [], error);

    public bool InSync => Error is null && Findings.Count == 0;

    /// <summary>Some bundle file is missing, changed or extra on the node: a deploy puts the bundle's files back.</summary>
    public bool FilesDiffer => Findings.Any(f => f.Area == DriftArea.File);

    /// <summary>"in sync", "drifted: 2 files, 1 container", "unreadable: ...".</summary>
    public string Summary
    {
        get
        {
            if (Error is not null) return $"unreadable: {Error}";
            if (InSync) return "in sync";
            var parts = new[] { (DriftArea.File, "file"), (DriftArea.Container, "container"), (DriftArea.Stamp, "stamp") }
                .Select(a => (Count: Findings.Where(f => f.Area == a.Item1).Select(f => f.Subject).Distinct().Count(), Word: a.Item2))
                .Where(a => a.Count > 0).Select(a => $"{a.Count} {a.Word}{(a.Count == 1 ? "" : "s")}");
            return "drifted: " + string.Join(", ", parts);
        }
    }

    /// <summary>The deploy's reason: "docker-compose.workers.yml differs on the node" (and how many more).</summary>
    public string Reason => Findings.Count switch
    {
        0 => "in sync",
        1 => Findings[0].ToString(),
        _ => $"{Findings[0]} (and {Findings.Count - 1} more: ./build.sh Diff shows them)",
    };
}
