using System.Collections;
using System.Globalization;

namespace BuildEngine;

/// <summary>How parameter types and values are shown in --help, --list-json and --plan. Secrets show as ***.</summary>
public static class ParameterDisplay
{
    /// <summary>The value as text, or null when it has none (null, empty string, empty array).</summary>
    public static string? Value(object? value, bool secret)
    {
        if (!TargetRequirement.HasValue(value))
            return null;
        if (secret)
            return SecretMasker.Placeholder;
        return value switch
        {
            string text => text,
            bool flag => flag ? "true" : "false",
            TimeSpan duration => Duration.Format(duration),
            Enum member => NameConvention.ToKebab(member.ToString()),
            IEnumerable items => string.Join(",", items.Cast<object?>().Select(item => Value(item, false))),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value!.ToString(),
        };
    }

    /// <summary><c>string</c>, <c>bool</c>, <c>int</c>, <c>duration</c>, <c>string[]</c>, or an enum as <c>enum</c>.</summary>
    public static string TypeName(Type type)
    {
        if (type.IsArray)
            return TypeName(type.GetElementType()!) + "[]";
        var scalar = Nullable.GetUnderlyingType(type) ?? type;
        if (scalar.IsEnum)
            return "enum";
        return scalar == typeof(TimeSpan) ? "duration" : scalar.Name switch
        {
            nameof(String) => "string",
            nameof(Boolean) => "bool",
            nameof(Int32) => "int",
            var other => other,
        };
    }

    /// <summary>The allowed values of an enum parameter (kebab-case), empty for other types.</summary>
    public static IReadOnlyList<string> AllowedValues(Type type)
    {
        var scalar = type.IsArray ? type.GetElementType()! : type;
        scalar = Nullable.GetUnderlyingType(scalar) ?? scalar;
        return scalar.IsEnum ? Enum.GetNames(scalar).Select(NameConvention.ToKebab).ToList() : [];
    }
}
