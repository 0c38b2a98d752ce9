using System.Linq.Expressions;

namespace BuildEngine;

/// <summary>Renders a condition lambda as the text a person wrote, e.g. <c>!IsLocalBuild &amp;&amp; Tag != null</c>.</summary>
public static class ExpressionText
{
    public static string Of(LambdaExpression lambda) => Render(lambda.Body);

    /// <summary>The member a lambda like <c>() => TargetNode</c> reads, or null when the body is anything else.</summary>
    public static string? MemberName(LambdaExpression lambda) =>
        StripConvert(lambda.Body) is MemberExpression member && IsClosureOrThis(member.Expression)
            ? member.Member.Name
            : null;

    private static string Render(Expression expression) => expression switch
    {
        MemberExpression member => RenderMember(member),
        ConstantExpression constant => RenderConstant(constant.Value),
        UnaryExpression { NodeType: ExpressionType.Not } not => "!" + Wrap(not.Operand),
        UnaryExpression { NodeType: ExpressionType.ArrayLength } length => Render(length.Operand) + ".Length",
        UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert => Render(convert.Operand),
        BinaryExpression binary when Operators.TryGetValue(binary.NodeType, out var op) =>
            $"{Wrap(binary.Left, binary.Right)} {op} {Wrap(binary.Right, binary.Left)}",
        MethodCallExpression call => RenderCall(call),
        _ => expression.ToString(),
    };

    private static readonly Dictionary<ExpressionType, string> Operators = new()
    {
        [ExpressionType.Equal] = "==", [ExpressionType.NotEqual] = "!=",
        [ExpressionType.AndAlso] = "&&", [ExpressionType.OrElse] = "||",
        [ExpressionType.LessThan] = "<", [ExpressionType.LessThanOrEqual] = "<=",
        [ExpressionType.GreaterThan] = ">", [ExpressionType.GreaterThanOrEqual] = ">=",
        [ExpressionType.Add] = "+", [ExpressionType.Subtract] = "-", [ExpressionType.Coalesce] = "??",
    };

    // An enum compared with a constant compiles to Convert(member) == 2; show the constant as the enum member.
    private static string Wrap(Expression expression, Expression other) =>
        expression is ConstantExpression { Value: { } value } && StripConvert(other).Type is { IsEnum: true } enumType
            ? Enum.ToObject(enumType, value).ToString()!
            : Wrap(expression);

    private static string Wrap(Expression expression)
    {
        var text = Render(expression);
        return StripConvert(expression) is BinaryExpression ? $"({text})" : text;
    }

    private static string RenderMember(MemberExpression member) => member.Expression switch
    {
        null => $"{member.Member.DeclaringType?.Name}.{member.Member.Name}",
        var owner when IsClosureOrThis(owner) => member.Member.Name,
        var owner => $"{Render(owner)}.{member.Member.Name}",
    };

    private static string RenderCall(MethodCallExpression call)
    {
        var arguments = call.Arguments.Select(Render).ToList();
        if (call.Object is not null && !IsClosureOrThis(call.Object))
            return $"{Render(call.Object)}.{call.Method.Name}({string.Join(", ", arguments)})";
        if (call.Object is null && call.Method.IsDefined(typeof(System.Runtime.CompilerServices.ExtensionAttribute), false))
            return $"{arguments[0]}.{call.Method.Name}({string.Join(", ", arguments.Skip(1))})";
        var owner = call.Object is null ? call.Method.DeclaringType?.Name + "." : "";
        return $"{owner}{call.Method.Name}({string.Join(", ", arguments)})";
    }

    private static string RenderConstant(object? value) => value switch
    {
        null => "null",
        string text => $"\"{text}\"",
        bool flag => flag ? "true" : "false",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "?",
    };

    // A captured `this` or a compiler closure shows up as a constant; the member read from it is what the author wrote.
    private static bool IsClosureOrThis(Expression? expression) =>
        expression is ConstantExpression
        || expression is MemberExpression { Expression: ConstantExpression } inner && inner.Member.DeclaringType?.IsDefined(
            typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute), false) == true;

    private static Expression StripConvert(Expression expression) =>
        expression is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert
            ? StripConvert(convert.Operand)
            : expression;
}
