using System.Collections;
using System.Globalization;

namespace Standin.Hosting;

/// <summary>
/// The environment variables one stand-in instance reads, captured once. Tests pass their own
/// dictionary so that several instances with different settings can run in one process.
/// </summary>
public sealed class StandinEnvironment(IReadOnlyDictionary<string, string> values)
{
    public static StandinEnvironment FromProcess()
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            values[(string)entry.Key] = entry.Value as string ?? "";
        }
        return new StandinEnvironment(values);
    }

    /// <summary>The trimmed value, or null when the variable is unset or blank.</summary>
    public string? Get(string name) =>
        values.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>The first of several names that is set (current name first, then the older ones).</summary>
    public string? GetFirst(params string[] names) => names.Select(Get).FirstOrDefault(v => v is not null);

    public TimeSpan GetSeconds(string name, double defaultSeconds)
    {
        var raw = Get(name);
        if (raw is null)
        {
            return TimeSpan.FromSeconds(defaultSeconds);
        }
        if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds < 86_400)
        {
            return TimeSpan.FromSeconds(seconds);
        }
        throw new StandinConfigurationException(
            $"environment variable {name}='{raw}' is not a number of seconds: expected a positive number below 86400 " +
            $"such as {defaultSeconds.ToString(CultureInfo.InvariantCulture)}; fix it or unset it to use the default.");
    }

    public int GetCount(string name, int defaultCount)
    {
        var raw = Get(name);
        if (raw is null)
        {
            return defaultCount;
        }
        if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0)
        {
            return count;
        }
        throw new StandinConfigurationException(
            $"environment variable {name}='{raw}' is not a positive whole number (expected e.g. {defaultCount}); fix it or unset it.");
    }

    public bool GetFlag(string name)
    {
        var raw = Get(name);
        return raw?.ToLowerInvariant() switch
        {
            null or "false" or "0" or "no" => false,
            "true" or "1" or "yes" => true,
            _ => throw new StandinConfigurationException(
                $"environment variable {name}='{raw}' is not a flag: expected true or false."),
        };
    }
}
