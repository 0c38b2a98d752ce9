namespace BuildEngine;

/// <summary>
/// Orders a set of targets so that each runs after everything it waits for (DependsOn, After, Before, Triggers,
/// TriggeredBy between members of the set). Ties go to declaration order. A cycle is a <see cref="UsageException"/>.
/// </summary>
public static class TargetOrdering
{
    public static IReadOnlyList<ExecutableTarget> Sort(IReadOnlyCollection<ExecutableTarget> targets)
    {
        var waitsFor = WaitsFor(targets);
        var pending = waitsFor.ToDictionary(entry => entry.Key, entry => entry.Value.Count);
        var ordered = new List<ExecutableTarget>();
        while (pending.Count > 0)
        {
            var next = pending.Where(p => p.Value == 0).Select(p => p.Key)
                .OrderBy(t => t.DeclarationIndex).FirstOrDefault()
                ?? throw new UsageException("Circular target dependencies: " + DescribeCycle(pending.Keys, waitsFor));
            ordered.Add(next);
            pending.Remove(next);
            foreach (var waiting in pending.Keys.Where(t => waitsFor[t].Contains(next)).ToList())
                pending[waiting]--;
        }

        return ordered;
    }

    /// <summary>For each target, the set of targets in the same set that must finish before it starts.</summary>
    public static Dictionary<ExecutableTarget, HashSet<ExecutableTarget>> WaitsFor(IReadOnlyCollection<ExecutableTarget> targets)
    {
        var members = targets.ToHashSet();
        var waitsFor = targets.ToDictionary(t => t, _ => new HashSet<ExecutableTarget>());

        void Edge(ExecutableTarget later, ExecutableTarget earlier)
        {
            if (members.Contains(later) && members.Contains(earlier) && later != earlier)
                waitsFor[later].Add(earlier);
        }

        foreach (var target in targets)
        {
            target.DependsOn.ForEach(other => Edge(target, other));
            target.After.ForEach(other => Edge(target, other));
            target.TriggeredBy.ForEach(other => Edge(target, other));
            target.Before.ForEach(other => Edge(other, target));
            target.Triggers.ForEach(other => Edge(other, target));
        }

        return waitsFor;
    }

    private static string DescribeCycle(
        IEnumerable<ExecutableTarget> remaining, Dictionary<ExecutableTarget, HashSet<ExecutableTarget>> waitsFor)
    {
        // Every remaining target waits for another remaining one, so walking "waits for" must revisit a target.
        var path = new List<ExecutableTarget>();
        var current = remaining.OrderBy(t => t.DeclarationIndex).First();
        var left = remaining.ToHashSet();
        while (!path.Contains(current))
        {
            path.Add(current);
            current = waitsFor[current].Where(left.Contains).OrderBy(t => t.DeclarationIndex).First();
        }

        var cycle = path.Skip(path.IndexOf(current)).ToList();
        var start = cycle.IndexOf(cycle.MinBy(t => t.DeclarationIndex)!);
        var rotated = cycle.Skip(start).Concat(cycle.Take(start)).ToList();
        return string.Join(" -> ", rotated.Append(rotated[0]).Select(t => t.Name));
    }
}
