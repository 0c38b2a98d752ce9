using System.Collections;

namespace BuildEngine;

/// <summary>
/// Process-wide list of secret values. Every log sink and every line the engine prints passes through
/// <see cref="Mask"/>, which replaces each registered value (4 characters or more) with <c>***</c>.
/// </summary>
public static class SecretMasker
{
    public const string Placeholder = "***";
    public const int MinimumLength = 4;

    private static readonly Lock Gate = new();
    private static string[] secrets = [];

    public static void Register(string? value)
    {
        if (value is null || value.Length < MinimumLength)
            return;
        lock (Gate)
        {
            if (!secrets.Contains(value))
                secrets = [.. secrets.Append(value).OrderByDescending(s => s.Length)];
        }
    }

    /// <summary>Registers a parameter value: a string, or every string in a collection.</summary>
    public static void RegisterValue(object? value)
    {
        if (value is string text)
            Register(text);
        else if (value is IEnumerable items)
            foreach (var item in items)
                Register(item?.ToString());
    }

    public static string Mask(string text)
    {
        var current = secrets;
        foreach (var secret in current)
            text = text.Replace(secret, Placeholder, StringComparison.Ordinal);
        return text;
    }
}
