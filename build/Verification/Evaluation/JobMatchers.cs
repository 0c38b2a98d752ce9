using System.Text.RegularExpressions;

namespace Ktrdr.Deploy.Verification.Evaluation;

/// <summary>
/// Whether a job name satisfies a panel's job matchers, given as PromQL text (<c>job="x"</c>, <c>job=~"ktrdr-.*"</c>,
/// <c>!=</c>, <c>!~</c>), as <see cref="PanelQuery.JobMatchers"/> has them. No matcher: every job. PromQL regexes are
/// anchored at both ends.
/// </summary>
internal static partial class JobMatchers
{
    public static bool Select(IReadOnlyList<string> matchers, string job) => matchers.All(m => Matches(m, job));

    private static bool Matches(string matcher, string job)
    {
        var m = Shape().Match(matcher);
        if (!m.Success) throw new FormatException($"job matcher {matcher}: expected job, an operator (=, !=, =~, !~) and a quoted value");
        var value = Regex.Unescape(m.Groups["value"].Value);
        return m.Groups["op"].Value switch
        {
            "=" => job == value,
            "!=" => job != value,
            "=~" => Regex.IsMatch(job, $"^(?:{value})$"),
            _ => !Regex.IsMatch(job, $"^(?:{value})$"),
        };
    }

    [GeneratedRegex(@"^\s*job\s*(?<op>=~|!~|!=|=)\s*""(?<value>(?:[^""\\]|\\.)*)""\s*$")]
    private static partial Regex Shape();
}
