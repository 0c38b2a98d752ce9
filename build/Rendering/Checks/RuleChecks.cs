using System.Text.RegularExpressions;
using Ktrdr.Deploy.Rendering.Bundles;
using Ktrdr.Deploy.Rendering.Prometheus;
using Ktrdr.Deploy.Rendering.Tools;
using Ktrdr.Deploy.Topology;
using Ktrdr.Deploy.Topology.Text;

namespace Ktrdr.Deploy.Rendering.Checks;

/// <summary>Every metric and job an alert rule reads exists: in the metric catalog and in the generated prometheus.yml.</summary>
internal sealed class AlertRuleQueryCheck : IRenderCheck
{
    public string Name => "alert rule queries";

    public IEnumerable<Diagnostic> Run(RenderContext ctx) =>
        ctx.Sources.RuleFiles
            .SelectMany(f => AlertRule.Read(RuleFiles.SourcePath(ctx.Sources.DeployRoot, f.Key), f.Value))
            .SelectMany(r => QueryReferences.Problems(ctx, r.Expr, r.File, r.Line, $"alert {r.Name}"));
}

/// <summary>
/// Every rule file has its promtool test file, every alert has a case where it fires and one where it stays silent
/// (empty <c>exp_alerts</c>), and every rule file a test loads exists (promtool only warns about a missing one).
/// </summary>
internal sealed class RuleTestCoverageCheck : IRenderCheck
{
    public string Name => "alert rule tests present";

    public IEnumerable<Diagnostic> Run(RenderContext ctx)
    {
        var root = ctx.Sources.DeployRoot;
        var tests = ctx.Sources.RuleTestFiles.ToDictionary(t => t.Key, t => RuleTestFile.Read(RuleFiles.SourcePath(root, t.Key), t.Value));
        foreach (var (relative, text) in ctx.Sources.RuleFiles)
        {
            var testKey = $"{RuleFiles.TestsFolder}/{Path.GetFileNameWithoutExtension(relative)}.test.yml";
            var rules = AlertRule.Read(RuleFiles.SourcePath(root, relative), text);
            if (!tests.TryGetValue(testKey, out var test))
            {
                yield return new Diagnostic(RuleFiles.SourcePath(root, relative), 1, 1, "",
                    $"this rule file has no unit tests: expected {RuleFiles.SourceFolder}/{testKey}",
                    $"write a promtool test file (rule_files: [../{relative}]) with, for each alert, a case where it fires and one with exp_alerts: []");
                continue;
            }
            foreach (var rule in rules)
            {
                var cases = test.Cases.Where(c => c.AlertName == rule.Name).ToList();
                if (!cases.Any(c => c.ExpectsFiring))
                    yield return new Diagnostic(rule.File, rule.Line, 1, $"alert {rule.Name}",
                        $"no case in {Path.GetFileName(test.File)} shows this alert firing", "add an alert_rule_test with the series that should fire it and the exp_alerts it gives");
                if (!cases.Any(c => !c.ExpectsFiring))
                    yield return new Diagnostic(rule.File, rule.Line, 1, $"alert {rule.Name}",
                        $"no case in {Path.GetFileName(test.File)} shows this alert silent on healthy series", "add an alert_rule_test with exp_alerts: [] on series that must not fire it");
            }
        }
        foreach (var test in tests.Values)
        foreach (var use in test.RuleFiles.Where(u => !ctx.Sources.PrometheusFiles.ContainsKey(RuleFileKey(u.Path))))
            yield return new Diagnostic(test.File, use.Line, 1, "rule_files",
                $"loads \"{use.Path}\", which does not exist", $"name a file of {RuleFiles.SourceFolder}/{RuleFiles.RulesFolder}, relative to the test file (../rules/<name>.yml)");
    }

    /// <summary>A test's rule_files entry (relative to tests/) as a key of the prometheus folder.</summary>
    private static string RuleFileKey(string path) =>
        Path.GetRelativePath("/p", Path.GetFullPath(Path.Combine("/p", RuleFiles.TestsFolder, path))).Replace('\\', '/');
}

/// <summary><c>promtool check rules</c> on every rule file; each problem at its file and line.</summary>
internal sealed class PromtoolRulesCheck : IRenderCheck
{
    public string Name => "promtool check rules";

    public IEnumerable<Diagnostic> Run(RenderContext ctx)
    {
        var files = ctx.Sources.RuleFiles.Select(f => f.Key).ToList();
        if (files.Count == 0) yield break;
        var result = PromtoolOnRules.Run(ctx, ["check", "rules", .. files]);
        var first = RuleFiles.SourcePath(ctx.Sources.DeployRoot, files[0]);
        if (result is null) { yield return ToolCheck.Missing(first, "promtool", "prometheus"); yield break; }
        if (result.Succeeded) yield break;
        foreach (var d in PromtoolOnRules.Diagnose(ctx, result, files[0], "promtool rejects the rule file", "fix the rule it names; try the expression in Prometheus' expression browser"))
            yield return d;
    }
}

/// <summary><c>promtool test rules</c> on every test file: a failing case is reported at its alertname line with what promtool expected and got.</summary>
internal sealed partial class PromtoolRuleTestsCheck : IRenderCheck
{
    public string Name => "promtool test rules";

    public IEnumerable<Diagnostic> Run(RenderContext ctx)
    {
        foreach (var (relative, text) in ctx.Sources.RuleTestFiles)
        {
            var result = PromtoolOnRules.Run(ctx, ["test", "rules", relative]);
            var path = RuleFiles.SourcePath(ctx.Sources.DeployRoot, relative);
            if (result is null) { yield return ToolCheck.Missing(path, "promtool", "prometheus"); yield break; }
            if (result.Succeeded) continue;
            var failures = FailedCase().Matches(result.Output);
            if (failures.Count == 0)
            {
                foreach (var d in PromtoolOnRules.Diagnose(ctx, result, relative, "promtool cannot run the rule tests", "fix the test file at the line it names"))
                    yield return d;
                continue;
            }
            var test = RuleTestFile.Read(path, text);
            for (var i = 0; i < failures.Count; i++)
            {
                var f = failures[i];
                var end = i + 1 < failures.Count ? failures[i + 1].Index : result.Output.Length;
                var detail = result.Output[(f.Index + f.Length)..end];
                var at = test.Cases.FirstOrDefault(c => c.AlertName == f.Groups["alert"].Value && c.EvalTime == PromDuration.Parse(f.Groups["time"].Value));
                yield return new Diagnostic(path, at?.Line ?? 0, 1, $"alert {f.Groups["alert"].Value} at {f.Groups["time"].Value}",
                    $"the rule does not give what this case expects:\n    {string.Join("\n    ", Summarize(detail))}",
                    "fix the expected labels and annotations, or the rule if it is the rule that is wrong");
            }
        }
    }

    /// <summary>promtool's exp/got blocks without their noise: one line per expected or received alert.</summary>
    private static IEnumerable<string> Summarize(string detail) =>
        detail.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(l => l.StartsWith("exp:", StringComparison.Ordinal) || l.StartsWith("got:", StringComparison.Ordinal) || l.StartsWith("Labels:", StringComparison.Ordinal) || l.StartsWith("Annotations:", StringComparison.Ordinal));

    [GeneratedRegex(@"alertname: (?<alert>[^,\s]+), time: (?<time>[0-9a-z]+),")] private static partial Regex FailedCase();
}

/// <summary>Runs promtool on a scratch copy of deploy/shared/prometheus and maps its "file: line:col:" or "line N" output to source lines.</summary>
internal static partial class PromtoolOnRules
{
    public static ToolResult? Run(RenderContext ctx, IReadOnlyList<string> args)
    {
        var dir = ToolCheck.Scratch(ctx.Sources.PrometheusFiles.Select(f => new BundleFile(f.Key, f.Value)));
        try { return ctx.Tools.Run("promtool", args, dir); }
        finally { Directory.Delete(dir, true); }
    }

    public static IEnumerable<Diagnostic> Diagnose(RenderContext ctx, ToolResult result, string fallbackFile, string what, string hint)
    {
        var file = fallbackFile;
        var reported = false;
        foreach (var line in ToolCheck.OutputLines(result))
        {
            var located = Located().Match(line);
            if (located.Success)
            {
                file = located.Groups["file"].Value;
                reported = true;
                yield return new Diagnostic(RuleFiles.SourcePath(ctx.Sources.DeployRoot, file), int.Parse(located.Groups["line"].Value),
                    int.Parse(located.Groups["col"].Value), "", $"{what}: {located.Groups["rest"].Value}", hint);
                continue;
            }
            var named = NamedFile().Match(line);
            if (named.Success) file = named.Groups["file"].Value;
            var numbered = LineNumber().Match(line);
            if (!numbered.Success) continue;
            reported = true;
            yield return new Diagnostic(RuleFiles.SourcePath(ctx.Sources.DeployRoot, file), int.Parse(numbered.Groups["line"].Value), 1, "",
                $"{what}: {numbered.Groups["rest"].Value}", hint);
        }
        if (!reported)
            yield return new Diagnostic(RuleFiles.SourcePath(ctx.Sources.DeployRoot, fallbackFile), 0, 0, "",
                $"{what}:\n    " + string.Join("\n    ", ToolCheck.OutputLines(result)), hint);
    }

    [GeneratedRegex(@"^(?<file>(?:rules|tests)/[^:\s]+): (?<line>\d+):(?<col>\d+): (?<rest>.*)$")] private static partial Regex Located();
    [GeneratedRegex(@"^(?<file>(?:rules|tests)/[^:\s]+):")] private static partial Regex NamedFile();
    [GeneratedRegex(@"line (?<line>\d+): (?<rest>.*)$")] private static partial Regex LineNumber();
}
