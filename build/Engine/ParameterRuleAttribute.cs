using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;

namespace BuildEngine;

/// <summary>
/// A rule a parameter's value must satisfy, declared next to its [Parameter] and checked by the engine right after
/// binding, before any target is planned or run. A given value that breaks it is a usage error (exit 2) that names
/// the parameter, the value, where it came from and what is expected.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = true)]
public abstract class ParameterRuleAttribute : Attribute
{
    /// <summary>What is wrong with <paramref name="value"/> (a single value, never a list), or null when it is fine.</summary>
    public virtual string? Problem(object value) => null;

    /// <summary>What is wrong with the value as a whole (e.g. a list given but empty), or null when it is fine.</summary>
    public virtual string? ProblemWithWhole(object? value) => null;
}

/// <summary>
/// A value that, when given, holds something: <c>--target-node ''</c> or <c>--target-node ,</c> binds to an empty list,
/// which would otherwise read as "not given" (every node).
/// </summary>
public sealed class NotEmptyAttribute(string expected) : ParameterRuleAttribute
{
    public string Expected { get; } = expected;

    public override string? ProblemWithWhole(object? value) => value switch
    {
        string text when string.IsNullOrWhiteSpace(text) => $"expected {Expected}",
        ICollection { Count: 0 } => $"expected {Expected}",
        _ => null,
    };
}

/// <summary>A whole number at least <see cref="Minimum"/> (<c>[AtLeast(1)] int BatchSize</c>).</summary>
public sealed class AtLeastAttribute(int minimum) : ParameterRuleAttribute
{
    public int Minimum { get; } = minimum;

    public override string? Problem(object value) =>
        Convert.ToInt64(value, CultureInfo.InvariantCulture) >= Minimum ? null : $"expected {Minimum} or more";
}

/// <summary>Text matching a regular expression in full; <see cref="Expected"/> says in words what that means.</summary>
public sealed class MatchesAttribute(string pattern, string expected) : ParameterRuleAttribute
{
    private readonly Regex regex = new($"^(?:{pattern})\\z", RegexOptions.CultureInvariant);

    public string Expected { get; } = expected;

    public override string? Problem(object value) => regex.IsMatch((string)value) ? null : $"expected {Expected}";
}

/// <summary>Applies a member's rules to a bound value (each item of a list on its own).</summary>
internal static class ParameterRules
{
    public static IEnumerable<string> Problems(ParameterMember parameter, object? value) =>
        parameter.Rules.Select(rule => rule.ProblemWithWhole(value)).OfType<string>()
            .Select(problem => $"the value given names nothing: {problem}")
            .Concat(Items(value).SelectMany(item => parameter.Rules
            .Select(rule => rule.Problem(item))
            .OfType<string>()
            .Select(problem => $"{(parameter.IsSecret ? "the value" : Quote(item.ToString() ?? ""))} is not valid: {problem}")));

    // A 200-character value is shown by its start and length, and control characters are made visible.
    private static string Quote(string text)
    {
        var visible = Regex.Replace(text, @"\p{Cc}", c => $"\\u{(int)c.Value[0]:x4}");
        return visible.Length <= 40 ? $"\"{visible}\"" : $"\"{visible[..40]}…\" ({text.Length} characters)";
    }

    private static IEnumerable<object> Items(object? value) => value switch
    {
        null => [],
        string text => [text],
        IEnumerable list => list.Cast<object>().Where(item => item is not null),
        _ => [value],
    };
}
