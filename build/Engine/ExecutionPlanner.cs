namespace BuildEngine;

/// <summary>
/// Pure planning: which targets run, in which order, and which are skipped and why.
/// DependsOn pulls targets in before; Triggers/TriggeredBy pull targets in after; After/Before only order.
/// </summary>
public sealed class ExecutionPlanner(IReadOnlyList<ExecutableTarget> allTargets)
{
    public const string SkippedByOption = "skipped by --skip";

    public ExecutionPlan Plan(IReadOnlyList<ExecutableTarget> invoked, SkipOption skip)
    {
        var reasons = Collect(invoked);
        var ordered = TargetOrdering.Sort(reasons.Keys);
        return new ExecutionPlan(ordered
            .Select(target => new PlannedTarget(target, reasons[target], SkipReason(target, invoked, skip)))
            .ToList());
    }

    private Dictionary<ExecutableTarget, PlanReason> Collect(IReadOnlyList<ExecutableTarget> invoked)
    {
        var reasons = new Dictionary<ExecutableTarget, PlanReason>();
        var queue = new Queue<ExecutableTarget>();

        void Include(ExecutableTarget target, PlanReason reason)
        {
            if (reasons.TryAdd(target, reason))
                queue.Enqueue(target);
        }

        foreach (var target in invoked)
            Include(target, PlanReason.Invoked);
        while (queue.Count > 0)
        {
            var target = queue.Dequeue();
            target.DependsOn.ForEach(dependency => Include(dependency, PlanReason.DependencyOf(target)));
            target.Triggers.ForEach(triggered => Include(triggered, PlanReason.TriggeredBy(target)));
            foreach (var triggered in allTargets.Where(t => t.TriggeredBy.Contains(target)))
                Include(triggered, PlanReason.TriggeredBy(target));
        }

        return reasons;
    }

    private static string? SkipReason(ExecutableTarget target, IReadOnlyList<ExecutableTarget> invoked, SkipOption skip)
    {
        if (skip.Targets.Contains(target) || (skip.AllNotInvoked && !invoked.Contains(target)))
            return SkippedByOption;
        var unmet = target.StaticConditions.FirstOrDefault(condition => !Evaluate(target, condition));
        return unmet is null ? null : $"OnlyWhenStatic: {unmet.Text}";
    }

    private static bool Evaluate(ExecutableTarget target, TargetCondition condition)
    {
        try
        {
            return condition.IsMet();
        }
        catch (Exception exception)
        {
            throw new UsageException(
                $"Target {target.Name}: OnlyWhenStatic({condition.Text}) threw {exception.GetType().Name}: {exception.Message}");
        }
    }
}
