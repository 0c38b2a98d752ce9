namespace Ktrdr.Deploy.Rendering.Prometheus;

/// <summary>One alerting rule of a rule file: its group, name, expression and the line of its expression.</summary>
public sealed record AlertRule(string File, string Group, string Name, string Expr, int Line)
{
    /// <summary>The alerting rules of a rule file (recording rules and malformed entries are left to promtool).</summary>
    public static IReadOnlyList<AlertRule> Read(string path, string text)
    {
        var root = RuleYaml.Root(text);
        if (root is null) return [];
        return root.Mappings("groups")
            .SelectMany(g => g.Mappings("rules").Select(r => (Group: g.Scalar("name") ?? "", Rule: r)))
            .Where(x => x.Rule.Scalar("alert") is not null && x.Rule.Child("expr") is not null)
            .Select(x => new AlertRule(path, x.Group, x.Rule.Scalar("alert")!, x.Rule.Scalar("expr") ?? "", x.Rule.Child("expr")!.Line()))
            .ToList();
    }
}
