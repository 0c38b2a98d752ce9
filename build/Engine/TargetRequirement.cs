using System.Collections;
using System.Linq.Expressions;

namespace BuildEngine;

/// <summary>
/// A Requires(...) clause: either a parameter that must have a value (<see cref="ParameterName"/> set)
/// or a condition that must be true.
/// </summary>
public sealed class TargetRequirement
{
    private readonly Func<bool> isMet;

    private TargetRequirement(string text, string? parameterName, Func<bool> isMet)
    {
        Text = text;
        ParameterName = parameterName;
        this.isMet = isMet;
    }

    /// <summary>The member name for a parameter requirement, otherwise the condition text.</summary>
    public string Text { get; }

    /// <summary>The parameter member the requirement reads, or null for a plain condition.</summary>
    public string? ParameterName { get; }

    public bool IsMet() => isMet();

    public static TargetRequirement ForValue(LambdaExpression expression)
    {
        var getter = Expression.Lambda<Func<object?>>(Expression.Convert(expression.Body, typeof(object))).Compile();
        var member = ExpressionText.MemberName(expression);
        return new TargetRequirement(member ?? ExpressionText.Of(expression), member, () => HasValue(getter()));
    }

    public static TargetRequirement ForCondition(Expression<Func<bool>> condition) =>
        new(ExpressionText.Of(condition), null, condition.Compile());

    public static bool HasValue(object? value) => value switch
    {
        null => false,
        string text => !string.IsNullOrWhiteSpace(text),
        ICollection collection => collection.Count > 0,
        _ => true,
    };
}
