using Ktrdr.Deploy.Topology.Text;

namespace Ktrdr.Deploy.Rendering.Prometheus;

/// <summary>A rule file a promtool test file loads, with the line that names it.</summary>
internal sealed record RuleFileUse(string Path, int Line);

/// <summary>One <c>alert_rule_test</c> case: which alert, when, whether it expects alerts, and its line.</summary>
internal sealed record AlertCase(string AlertName, TimeSpan? EvalTime, bool ExpectsFiring, int Line);

/// <summary>The parts of a promtool rule test file the checks read (promtool itself runs it).</summary>
internal sealed record RuleTestFile(string File, IReadOnlyList<RuleFileUse> RuleFiles, IReadOnlyList<AlertCase> Cases)
{
    public static RuleTestFile Read(string path, string text)
    {
        var root = RuleYaml.Root(text);
        if (root is null) return new RuleTestFile(path, [], []);
        var uses = (root.Child("rule_files") as YamlDotNet.RepresentationModel.YamlSequenceNode)?.Children
            .OfType<YamlDotNet.RepresentationModel.YamlScalarNode>().Select(s => new RuleFileUse(s.Value ?? "", s.Line())).ToList() ?? [];
        var cases = root.Mappings("tests").SelectMany(t => t.Mappings("alert_rule_test"))
            .Select(c => new AlertCase(c.Scalar("alertname") ?? "", PromDuration.Parse(c.Scalar("eval_time")),
                c.Mappings("exp_alerts").Any(), (c.Child("alertname") ?? c).Line()))
            .ToList();
        return new RuleTestFile(path, uses, cases);
    }
}
