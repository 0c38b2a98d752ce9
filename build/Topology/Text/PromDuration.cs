using System.Text.RegularExpressions;

namespace Ktrdr.Deploy.Topology.Text;

/// <summary>Prometheus durations ("1m15s", "90s", "2h"), as topology files, rule tests and promtool write them.</summary>
public static partial class PromDuration
{
    public static TimeSpan? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var parts = Part().Matches(text.Trim());
        if (parts.Count == 0 || string.Concat(parts.Select(p => p.Value)) != text.Trim()) return null;
        var total = TimeSpan.Zero;
        foreach (Match p in parts)
        {
            var n = long.Parse(p.Groups[1].Value);
            total += p.Groups[2].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(n),
                "s" => TimeSpan.FromSeconds(n),
                "m" => TimeSpan.FromMinutes(n),
                "h" => TimeSpan.FromHours(n),
                "d" => TimeSpan.FromDays(n),
                "w" => TimeSpan.FromDays(7 * n),
                _ => TimeSpan.FromDays(365 * n),
            };
        }
        return total;
    }

    [GeneratedRegex(@"(\d+)(ms|s|m|h|d|w|y)")] private static partial Regex Part();
}
