using System.Text.RegularExpressions;

namespace Ktrdr.Deploy.Rendering.Dashboards;

/// <summary>A label matcher such as job=~"ktrdr-workers-.*".</summary>
public sealed record LabelMatcher(string Label, string Op, string Value)
{
    /// <summary>Whether a label value satisfies the matcher (PromQL regexes are fully anchored).</summary>
    public bool Matches(string value) => Op switch
    {
        "=" => value == Value,
        "!=" => value != Value,
        "=~" => Regex.IsMatch(value, $"^(?:{Value})$"),
        _ => !Regex.IsMatch(value, $"^(?:{Value})$"),
    };
}

/// <summary>
/// Just enough PromQL reading to name the metrics and label matchers an expression uses. Whether the
/// expression parses at all is promtool's job (PromQlParseCheck); this never claims to validate syntax.
/// </summary>
public static partial class PromQl
{
    private static readonly HashSet<string> Keywords =
    [
        "by", "without", "on", "ignoring", "group_left", "group_right", "offset", "bool", "and", "or", "unless",
        "sum", "min", "max", "avg", "group", "stddev", "stdvar", "count", "count_values", "bottomk", "topk", "quantile",
        "inf", "nan", "atan2",
    ];

    /// <summary>Replaces Grafana's template variables so the expression is plain PromQL.</summary>
    public static string WithoutGrafanaVariables(string expr) =>
        GrafanaVariable().Replace(expr.Replace("$__rate_interval", "5m").Replace("$__interval", "1m").Replace("$__range", "1h"), "x");

    public static IReadOnlyList<string> MetricNames(string expr)
    {
        var text = StringLiteral().Replace(WithoutGrafanaVariables(expr), "\"\"");
        text = Braces().Replace(text, " ");
        text = Brackets().Replace(text, " ");
        text = LabelList().Replace(text, "$1 ");               // by (a, b) / without (...) / on (...) label lists
        return Identifier().Matches(text)
            .Where(m => !Keywords.Contains(m.Value.ToLowerInvariant()) && !IsFunctionCall(text, m) && !IsNumberPart(text, m))
            .Select(m => m.Value).Distinct().ToList();
    }

    public static IReadOnlyList<LabelMatcher> Matchers(string expr, string label) =>
        Braces().Matches(WithoutGrafanaVariables(expr))
            .SelectMany(b => Matcher().Matches(b.Value))
            .Where(m => m.Groups["label"].Value == label)
            .Select(m => new LabelMatcher(label, m.Groups["op"].Value, Regex.Unescape(m.Groups["value"].Value)))
            .ToList();

    private static bool IsFunctionCall(string text, Match m)
    {
        var rest = text.AsSpan(m.Index + m.Length).TrimStart();
        return rest.Length > 0 && rest[0] == '(';
    }

    private static bool IsNumberPart(string text, Match m) => m.Index > 0 && (char.IsDigit(text[m.Index - 1]) || text[m.Index - 1] == '.');

    [GeneratedRegex(@"\$\{?[A-Za-z_][A-Za-z0-9_]*\}?")] private static partial Regex GrafanaVariable();
    [GeneratedRegex(@"""(?:[^""\\]|\\.)*""|'(?:[^'\\]|\\.)*'")] private static partial Regex StringLiteral();
    [GeneratedRegex(@"\{[^}]*\}")] private static partial Regex Braces();
    [GeneratedRegex(@"\[[^\]]*\]")] private static partial Regex Brackets();
    [GeneratedRegex(@"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", RegexOptions.IgnoreCase)] private static partial Regex LabelList();
    [GeneratedRegex(@"[A-Za-z_:][A-Za-z0-9_:]*")] private static partial Regex Identifier();
    [GeneratedRegex(@"(?<label>[A-Za-z_][A-Za-z0-9_]*)\s*(?<op>=~|!~|!=|=)\s*""(?<value>(?:[^""\\]|\\.)*)""")] private static partial Regex Matcher();
}
