using System.Linq.Expressions;

namespace BuildEngine;

/// <summary>An OnlyWhenStatic/OnlyWhenDynamic condition with the text it was written as.</summary>
public sealed class TargetCondition(string text, Func<bool> evaluate)
{
    public string Text { get; } = text;

    public bool IsMet() => evaluate();

    public static TargetCondition From(Expression<Func<bool>> condition) =>
        new(ExpressionText.Of(condition), condition.Compile());
}
