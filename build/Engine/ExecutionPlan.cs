namespace BuildEngine;

/// <summary>Why a target is part of the plan.</summary>
public sealed record PlanReason(string Text)
{
    public static readonly PlanReason Invoked = new("invoked");

    public static PlanReason DependencyOf(ExecutableTarget dependent) => new($"dependency of {dependent.Name}");

    public static PlanReason TriggeredBy(ExecutableTarget trigger) => new($"triggered by {trigger.Name}");

    public override string ToString() => Text;
}

/// <summary>One entry of the plan; <see cref="SkipReason"/> is set when it will not run.</summary>
public sealed record PlannedTarget(ExecutableTarget Target, PlanReason Reason, string? SkipReason)
{
    public bool IsSkipped => SkipReason is not null;
}

/// <summary>The ordered list of targets a run walks.</summary>
public sealed record ExecutionPlan(IReadOnlyList<PlannedTarget> Targets)
{
    public IEnumerable<PlannedTarget> ToRun => Targets.Where(t => !t.IsSkipped);
}

/// <summary>What <c>--skip</c> asked for: nothing, every target not invoked (<c>--skip</c> alone), or the named ones.</summary>
public sealed record SkipOption(bool AllNotInvoked, IReadOnlyCollection<ExecutableTarget> Targets)
{
    public static readonly SkipOption None = new(false, []);
    public static readonly SkipOption AllButInvoked = new(true, []);

    public static SkipOption Only(params ExecutableTarget[] targets) => new(false, targets);
}
