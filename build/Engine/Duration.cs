using System.Globalization;
using System.Text.RegularExpressions;

namespace BuildEngine;

/// <summary>Durations as people write them: <c>90s</c>, <c>5m</c>, <c>1h30m</c>, <c>250ms</c>, or <c>00:01:30</c>.</summary>
public static partial class Duration
{
    public const string Hint = "use e.g. 90s, 5m, 1h30m or hh:mm:ss";

    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var trimmed = text.Trim();
        if (trimmed.Contains(':') && TimeSpan.TryParseExact(trimmed, ["c", @"h\:mm\:ss", @"m\:ss"], CultureInfo.InvariantCulture, out duration))
            return true;
        var parts = Part().Matches(trimmed);
        if (parts.Count == 0 || string.Concat(parts.Select(p => p.Value)) != trimmed)
            return false;
        foreach (Match part in parts)
            duration += Unit(part.Groups["unit"].Value, double.Parse(part.Groups["n"].Value, CultureInfo.InvariantCulture));
        return true;
    }

    /// <summary>The shortest of the forms above that says the same thing: <c>90s</c>, <c>5m</c>, <c>1h30m</c>.</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration == TimeSpan.Zero)
            return "0s";
        if (duration.Ticks % TimeSpan.TicksPerSecond != 0 || duration < TimeSpan.Zero)
            return duration.ToString("c", CultureInfo.InvariantCulture);
        var text = "";
        if (duration.Days > 0) text += $"{duration.Days}d";
        if (duration.Hours > 0) text += $"{duration.Hours}h";
        if (duration.Minutes > 0) text += $"{duration.Minutes}m";
        if (duration.Seconds > 0) text += $"{duration.Seconds}s";
        return text;
    }

    private static TimeSpan Unit(string unit, double amount) => unit switch
    {
        "ms" => TimeSpan.FromMilliseconds(amount),
        "s" => TimeSpan.FromSeconds(amount),
        "m" => TimeSpan.FromMinutes(amount),
        "h" => TimeSpan.FromHours(amount),
        _ => TimeSpan.FromDays(amount),
    };

    [GeneratedRegex(@"(?<n>\d+(\.\d+)?)(?<unit>ms|s|m|h|d)", RegexOptions.CultureInvariant)]
    private static partial Regex Part();
}
