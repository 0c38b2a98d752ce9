using System.Linq.Expressions;

namespace BuildEngine;

/// <summary>The fluent surface a target declaration uses; mirrors Nuke.Common's ITargetDefinition.</summary>
public interface ITargetDefinition
{
    ITargetDefinition Description(string description);
    ITargetDefinition DependsOn(params Target[] targets);
    ITargetDefinition After(params Target[] targets);
    ITargetDefinition Before(params Target[] targets);
    ITargetDefinition Triggers(params Target[] targets);
    ITargetDefinition TriggeredBy(params Target[] targets);
    ITargetDefinition OnlyWhenStatic(params Expression<Func<bool>>[] conditions);
    ITargetDefinition OnlyWhenDynamic(params Expression<Func<bool>>[] conditions);

    /// <summary>Fails the run before anything executes when the parameter is null, empty or an empty array.</summary>
    ITargetDefinition Requires<T>(params Expression<Func<T>>[] parameters) where T : class?;

    /// <summary>Fails the run before anything executes when the nullable parameter has no value.</summary>
    ITargetDefinition Requires<T>(params Expression<Func<T?>>[] parameters) where T : struct;

    /// <summary>Fails the run before anything executes when the condition is false.</summary>
    ITargetDefinition Requires(params Expression<Func<bool>>[] conditions);

    /// <summary>Declares that the target reads a parameter (shown by --help); not in Nuke.</summary>
    ITargetDefinition Uses(params Expression<Func<object?>>[] parameters);

    ITargetDefinition ProceedAfterFailure();
    ITargetDefinition AssuredAfterFailure();
    ITargetDefinition Unlisted();
    ITargetDefinition Executes(Action action);
    ITargetDefinition Executes(Func<Task> action);
    ITargetDefinition Executes(Func<CancellationToken, Task> action);
}
