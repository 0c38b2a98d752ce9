using System.Globalization;

namespace BuildEngine;

/// <summary>A value that does not fit the parameter's type; the message reads after the parameter name.</summary>
public sealed class ParameterValueException(string message) : Exception(message);

/// <summary>Turns the text given for a parameter into its typed value.</summary>
public static class ValueParser
{
    public const string SupportedTypes = "string, bool, int, TimeSpan, enums, their nullable forms, and arrays of those";

    public static bool Supports(Type type)
    {
        var element = type.IsArray ? type.GetElementType()! : type;
        var scalar = Nullable.GetUnderlyingType(element) ?? element;
        return scalar == typeof(string) || scalar == typeof(bool) || scalar == typeof(int)
               || scalar == typeof(TimeSpan) || scalar.IsEnum;
    }

    /// <summary>
    /// Parses <paramref name="values"/> (one entry per occurrence; none for a bare flag) into <paramref name="type"/>.
    /// Arrays take comma-separated and repeated values.
    /// </summary>
    public static object? Parse(Type type, IReadOnlyList<string> values)
    {
        if (type.IsArray)
            return ParseArray(type.GetElementType()!, values);
        var scalar = Nullable.GetUnderlyingType(type) ?? type;
        if (values.Count == 0)
            return scalar == typeof(bool) ? true : throw new ParameterValueException("needs a value");
        if (values.Count > 1)
            throw new ParameterValueException(
                $"was given {values.Count} values ({string.Join(", ", values.Select(v => $"\"{v}\""))}) but takes one");
        return ParseScalar(scalar, values[0]);
    }

    private static Array ParseArray(Type elementType, IReadOnlyList<string> values)
    {
        var items = values
            .SelectMany(value => value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Select(item => ParseScalar(Nullable.GetUnderlyingType(elementType) ?? elementType, item))
            .ToList();
        var array = Array.CreateInstance(elementType, items.Count);
        for (var i = 0; i < items.Count; i++)
            array.SetValue(items[i], i);
        return array;
    }

    private static object ParseScalar(Type type, string text)
    {
        if (type == typeof(string))
            return text;
        if (type == typeof(bool))
            return ParseBool(text);
        if (type == typeof(int))
            return int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
                ? number
                : throw new ParameterValueException($"\"{text}\" is not a whole number");
        if (type == typeof(TimeSpan))
            return Duration.TryParse(text, out var duration)
                ? duration
                : throw new ParameterValueException($"\"{text}\" is not a duration ({Duration.Hint})");
        return ParseEnum(type, text);
    }

    private static bool ParseBool(string text) => text.Trim().ToLowerInvariant() switch
    {
        "true" or "1" or "yes" => true,
        "false" or "0" or "no" => false,
        _ => throw new ParameterValueException($"\"{text}\" is not true or false"),
    };

    private static object ParseEnum(Type type, string text)
    {
        var name = Enum.GetNames(type).FirstOrDefault(n => NameConvention.Matches(n, text));
        return name is not null
            ? Enum.Parse(type, name)
            : throw new ParameterValueException(
                $"\"{text}\" is not one of: {string.Join(", ", Enum.GetNames(type).Select(NameConvention.ToKebab))}");
    }
}
