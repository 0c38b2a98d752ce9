using Ktrdr.Deploy.Rendering.Swarm;

namespace Ktrdr.Deploy.Rollout.Swarm;

/// <summary>One thing a Swarm deploy would change: its area (stack, secret, service), what it is about, and what would happen.</summary>
public sealed record StackFinding(string Area, string Subject, string What);

/// <summary>
/// Diff of a Swarm stack (pure): the stack rendered here, pinned to this run's secret values, against what core's manager
/// runs: our stamp's hash (the stack file or a node's bundle changed), each secret object (a new value is a new object:
/// it would rotate), services the render has and the stack lacks or the other way round, and services not running.
/// Nothing found: a deploy would change nothing.
/// </summary>
public static class StackDiff
{
    public static IReadOnlyList<StackFinding> Judge(StackReading live, PinnedStack desired, string desiredHash)
    {
        var findings = new List<StackFinding>();
        if (live.Stamp is null)
            findings.Add(new("stack", SwarmNames.Stack, $"no stamp {SwarmStamp.FileName} on core: a deploy deploys the whole stack"));
        else if (live.Stamp.StackHash != desiredHash)
            findings.Add(new("stack", SwarmNames.Stack, $"deployed {Short(live.Stamp.StackHash)} ({live.Stamp.Tag}), rendered {Short(desiredHash)}: " +
                                                       "the stack file or a node's bundle changed"));

        var mounted = live.Specs.SelectMany(s => s.Secrets).ToHashSet(StringComparer.Ordinal);
        var versions = live.MountedVersions();
        foreach (var (objectName, secret) in desired.Objects.OrderBy(o => o.Value, StringComparer.Ordinal))
        {
            if (mounted.Contains(objectName)) continue;
            findings.Add(new("secret", secret, versions.TryGetValue(secret, out var old)
                ? $"would rotate: {SwarmNames.Secret(secret, old)} → {objectName} (the value changed)"
                : $"would be created: {objectName}"));
        }

        var rendered = PinnedStack.ServicesOf(desired.Text);
        var running = live.Services.Select(s => s.ShortName(SwarmNames.Stack)).ToList();
        findings.AddRange(rendered.Except(running, StringComparer.Ordinal).Select(s => new StackFinding("service", s, "missing: a deploy creates it")));
        findings.AddRange(running.Except(rendered, StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(s => new StackFinding("service", s, "extra: not in the rendered stack, a deploy removes it (--prune)")));
        var state = StackConvergence.Judge(live.Services, [.. rendered.Intersect(running, StringComparer.Ordinal)], SwarmNames.Stack);
        findings.AddRange(state.Failed.Concat(state.Waiting).Select(line => line.Split(": ", 2))
            .Select(p => new StackFinding("service", p[0], p.Length > 1 ? p[1] : "not running")));
        return findings;
    }

    private static string Short(string hash) => hash[..Math.Min(12, hash.Length)];
}
