using Ktrdr.Deploy.Commands.Swarm;
using Ktrdr.Deploy.Rendering.Swarm;
using Ktrdr.Deploy.Rollout.Status;

namespace Ktrdr.Deploy.Rollout.Swarm;

/// <summary>What core's manager says of the stack: our stamp, each service's replicas and update state, each service's spec.</summary>
public sealed record StackReading(SwarmStamp? Stamp, IReadOnlyList<StackService> Services, IReadOnlyList<StackSpec> Specs)
{
    /// <summary>Secret → version, from the secret objects the services mount now (<c>ktrdr_DB_PASSWORD_3f2a9c1b7e0d</c>).</summary>
    public IReadOnlyDictionary<string, string> MountedVersions() =>
        Specs.SelectMany(s => s.Secrets).Select(Split).OfType<(string Secret, string Version)>()
            .GroupBy(v => v.Secret, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Version, StringComparer.Ordinal);

    /// <summary><c>ktrdr_DB_PASSWORD_3f2a9c1b7e0d</c> → (DB_PASSWORD, 3f2a9c1b7e0d); null for a name the deploy did not make.</summary>
    public static (string Secret, string Version)? Split(string objectName)
    {
        var prefix = SwarmNames.Stack + "_";
        var last = objectName.LastIndexOf('_');
        return objectName.StartsWith(prefix, StringComparison.Ordinal) && last > prefix.Length
            ? (objectName[prefix.Length..last], objectName[(last + 1)..])
            : null;
    }
}

/// <summary>
/// The Status table of a Swarm stack (pure), in the columns of compose mode: the node a service is pinned to, the service,
/// its image tag and digest, replicas running of desired and the update state, how long its task runs, whether our stamp
/// matches the stack rendered here, and the stamp's tag, age and author.
/// </summary>
public static class StackStatusRows
{
    /// <param name="renderedHash">The hash of the stack rendered here (pinned to the mounted secret versions), or null when nothing is rendered.</param>
    /// <param name="nodeOrder">The topology's nodes, in order: the rows follow it.</param>
    public static IReadOnlyList<StatusRow> From(StackReading reading, string? renderedHash, IReadOnlyList<string> nodeOrder, string core, DateTimeOffset now)
    {
        var deployed = reading.Stamp is { } stamp ? StatusRows.LastDeploy(stamp.Tag, stamp.DeployedAt, stamp.By, now) : "never (no stack stamp)";
        var drift = Drift(reading.Stamp, renderedHash);
        if (reading.Services.Count == 0)
            return [new StatusRow(core, "-", "-", $"no stack {SwarmNames.Stack} on this swarm", "-", deployed) { Drift = drift }];
        var specs = reading.Specs.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var order = nodeOrder.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i, StringComparer.Ordinal);
        return [.. reading.Services
            .Select(s => (Service: s, Spec: specs.GetValueOrDefault(s.Name)))
            .Select(p => (p.Service, p.Spec, Node: p.Spec?.PinnedNode(SwarmNames.NodeLabel) ?? "-"))
            .OrderBy(p => order.GetValueOrDefault(p.Node, int.MaxValue)).ThenBy(p => p.Service.Name, StringComparer.Ordinal)
            .Select(p => new StatusRow(p.Node, p.Service.ShortName(SwarmNames.Stack), Image(p.Spec), State(p.Service), Uptime(p.Service.TaskState), deployed)
                { Drift = drift })];
    }

    /// <summary>"in sync", "differs from the stack rendered here", ... : our stamp against the render.</summary>
    public static string Drift(SwarmStamp? stamp, string? renderedHash) => (stamp, renderedHash) switch
    {
        (null, _) => "no stack stamp",
        (_, null) => "- (not rendered here)",
        var (s, h) when s.StackHash == h => "in sync",
        _ => "differs from the stack rendered here (Diff)",
    };

    /// <summary>"1/1 running", "0/1 running, update rollback_completed".</summary>
    public static string State(StackService s) =>
        $"{s.Running}/{s.Desired} running" + (s.UpdateState is "" or "completed" ? "" : $", update {s.UpdateState}");

    /// <summary>"sha-e2e0001@sha256:1a2b3c4d5e6f" (the digest shortened), or the tag alone when the manager pinned none.</summary>
    private static string Image(StackSpec? spec) => spec is null ? "-"
        : StatusRows.ImageTag(spec.Image) + (spec.Digest.Length > 0 ? "@" + spec.Digest[..Math.Min(spec.Digest.Length, 19)] : "");

    /// <summary>"Running 2 minutes ago" → "2 minutes"; a task not running has no uptime.</summary>
    private static string Uptime(string taskState) =>
        taskState.StartsWith("Running ", StringComparison.Ordinal) ? taskState["Running ".Length..].Replace(" ago", "") : "-";
}
