using Ktrdr.Deploy.Commands.Compose;

namespace Ktrdr.Deploy.Rollout.Status;

/// <summary>One line of the Status table.</summary>
public sealed record StatusRow(string Node, string Service, string Tag, string State, string Uptime, string LastDeploy)
{
    /// <summary>The node's drift from what its last deploy left: "in sync", "drifted: 2 files, 1 container".</summary>
    public string Drift { get; init; } = "-";
}

/// <summary>Turns what the nodes said into the Status table, in pure code.</summary>
public static class StatusRows
{
    public static IReadOnlyList<StatusRow> From(IReadOnlyList<NodeStatus> nodes, DateTimeOffset now)
    {
        var rows = new List<StatusRow>();
        foreach (var node in nodes)
        {
            var deployed = node.Stamp is { } stamp ? LastDeploy(stamp.Tag, stamp.DeployedAt, stamp.By, now) : "never (no stamp)";
            var drift = node.Drift ?? "-";
            if (node.Error is not null) rows.Add(new StatusRow(node.Node, "-", "-", $"unreachable: {node.Error}", "-", "-"));
            else if (node.Containers.Count == 0) rows.Add(new StatusRow(node.Node, "-", "-", "no containers", "-", deployed) { Drift = drift });
            else
                rows.AddRange(node.Containers.Select(c => new StatusRow(
                    node.Node, c.Service, ImageTag(c.Image), State(c), c.StartedAt is { } s && c.IsRunning ? Age(now - s) : "-", deployed) { Drift = drift }));
        }
        return rows;
    }

    /// <summary>"sha-7c8143b 2h05m ago by ops@build-host": a stamp's tag, age and author (each left out when unknown).</summary>
    public static string LastDeploy(string? tag, DateTimeOffset? at, string? by, DateTimeOffset now) =>
        string.Join(' ', new[] { tag ?? "?", at is { } t ? Age(now - t) + " ago" : null, by is { } b ? "by " + b : null }.OfType<string>());

    /// <summary>The tag of an image reference (<c>registry:5000/a/b:tag</c> → tag); "latest" when it has none.</summary>
    public static string ImageTag(string image)
    {
        var name = image.Split('@')[0];
        var colon = name.LastIndexOf(':');
        return colon > name.LastIndexOf('/') ? name[(colon + 1)..] : "latest";
    }

    public static string State(ContainerStatus c) => c.IsRunning
        ? c.Health switch
        {
            ContainerHealth.Healthy => "running, healthy",
            ContainerHealth.Unhealthy => "running, UNHEALTHY",
            ContainerHealth.Starting => "running, starting",
            _ => "running",
        }
        : c.State == "exited" ? $"exited ({c.ExitCode})" : c.State;

    /// <summary>3d4h, 2h05m, 7m12s, 40s.</summary>
    public static string Age(TimeSpan span) => span switch
    {
        { TotalDays: >= 1 } => $"{(int)span.TotalDays}d{span.Hours}h",
        { TotalHours: >= 1 } => $"{(int)span.TotalHours}h{span.Minutes:00}m",
        { TotalMinutes: >= 1 } => $"{(int)span.TotalMinutes}m{span.Seconds:00}s",
        _ => $"{Math.Max(0, (int)span.TotalSeconds)}s",
    };
}
