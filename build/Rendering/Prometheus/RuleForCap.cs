using System.Text.RegularExpressions;
using Ktrdr.Deploy.Topology.Text;

namespace Ktrdr.Deploy.Rendering.Prometheus;

/// <summary>
/// The lab's <c>alerting.max_for</c>: every rule's <c>for:</c> longer than it is shortened to it in the shipped rule files,
/// so an end-to-end test waits seconds, not minutes. The sources (and their unit tests) keep the real durations.
/// </summary>
internal static partial class RuleForCap
{
    public static string Apply(string ruleFile, TimeSpan? maxFor) =>
        maxFor is not { } cap ? ruleFile : ForLine().Replace(ruleFile, m =>
            PromDuration.Parse(m.Groups["value"].Value) is { } d && d > cap
                ? $"{m.Groups["indent"].Value}for: {AlertmanagerConfig.Duration(cap)}   # {m.Groups["value"].Value} outside the lab (alerting.max_for)"
                : m.Value);

    [GeneratedRegex(@"^(?<indent>\s+)for: (?<value>[0-9a-z]+)[ \t]*$", RegexOptions.Multiline)] private static partial Regex ForLine();
}
