using System.Linq.Expressions;

namespace BuildEngine;

/// <summary>Records what a target declaration said; <see cref="TargetDiscovery"/> turns it into an <see cref="ExecutableTarget"/>.</summary>
internal sealed class TargetDefinition : ITargetDefinition
{
    public string? DescriptionText { get; private set; }
    public List<Target> DependsOnTargets { get; } = [];
    public List<Target> AfterTargets { get; } = [];
    public List<Target> BeforeTargets { get; } = [];
    public List<Target> TriggersTargets { get; } = [];
    public List<Target> TriggeredByTargets { get; } = [];
    public List<TargetCondition> StaticConditions { get; } = [];
    public List<TargetCondition> DynamicConditions { get; } = [];
    public List<TargetRequirement> Requirements { get; } = [];
    public List<string> UsedParameters { get; } = [];
    public List<Func<CancellationToken, Task>> Actions { get; } = [];
    public bool IsProceedAfterFailure { get; private set; }
    public bool IsAssuredAfterFailure { get; private set; }
    public bool IsUnlisted { get; private set; }

    public ITargetDefinition Description(string description) => Set(() => DescriptionText = description);
    public ITargetDefinition DependsOn(params Target[] targets) => Set(() => DependsOnTargets.AddRange(targets));
    public ITargetDefinition After(params Target[] targets) => Set(() => AfterTargets.AddRange(targets));
    public ITargetDefinition Before(params Target[] targets) => Set(() => BeforeTargets.AddRange(targets));
    public ITargetDefinition Triggers(params Target[] targets) => Set(() => TriggersTargets.AddRange(targets));
    public ITargetDefinition TriggeredBy(params Target[] targets) => Set(() => TriggeredByTargets.AddRange(targets));

    public ITargetDefinition OnlyWhenStatic(params Expression<Func<bool>>[] conditions) =>
        Set(() => StaticConditions.AddRange(conditions.Select(TargetCondition.From)));

    public ITargetDefinition OnlyWhenDynamic(params Expression<Func<bool>>[] conditions) =>
        Set(() => DynamicConditions.AddRange(conditions.Select(TargetCondition.From)));

    public ITargetDefinition Requires<T>(params Expression<Func<T>>[] parameters) where T : class? =>
        Set(() => Requirements.AddRange(parameters.Select(p => TargetRequirement.ForValue(p))));

    public ITargetDefinition Requires<T>(params Expression<Func<T?>>[] parameters) where T : struct =>
        Set(() => Requirements.AddRange(parameters.Select(p => TargetRequirement.ForValue(p))));

    public ITargetDefinition Requires(params Expression<Func<bool>>[] conditions) =>
        Set(() => Requirements.AddRange(conditions.Select(TargetRequirement.ForCondition)));

    public ITargetDefinition Uses(params Expression<Func<object?>>[] parameters) =>
        Set(() => UsedParameters.AddRange(parameters.Select(p => ExpressionText.MemberName(p) ?? ExpressionText.Of(p))));

    public ITargetDefinition ProceedAfterFailure() => Set(() => IsProceedAfterFailure = true);
    public ITargetDefinition AssuredAfterFailure() => Set(() => IsAssuredAfterFailure = true);
    public ITargetDefinition Unlisted() => Set(() => IsUnlisted = true);

    public ITargetDefinition Executes(Action action) => Set(() => Actions.Add(_ =>
    {
        action();
        return Task.CompletedTask;
    }));

    public ITargetDefinition Executes(Func<Task> action) => Set(() => Actions.Add(_ => action()));
    public ITargetDefinition Executes(Func<CancellationToken, Task> action) => Set(() => Actions.Add(action));

    private TargetDefinition Set(Action change)
    {
        change();
        return this;
    }
}
