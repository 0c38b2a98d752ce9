using Ktrdr.Deploy.Rendering.Swarm;

namespace Ktrdr.Deploy.Rollout.Swarm;

/// <summary>The stack's secret objects (<c>ktrdr_*</c>) that no service mounts and this deploy does not name: old versions, safe to remove.</summary>
public static class UnusedSecrets
{
    public static IReadOnlyList<string> Of(IEnumerable<string> existing, IEnumerable<string> inUse, IEnumerable<string> wanted)
    {
        var keep = inUse.Concat(wanted).ToHashSet(StringComparer.Ordinal);
        return [.. existing.Where(n => n.StartsWith(SwarmNames.Stack + "_", StringComparison.Ordinal) && !keep.Contains(n)).Distinct().Order(StringComparer.Ordinal)];
    }

}
