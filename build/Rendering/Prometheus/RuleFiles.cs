namespace Ktrdr.Deploy.Rendering.Prometheus;

/// <summary>
/// Where alert rules and their promtool unit tests live: <c>deploy/shared/prometheus/rules/*.yml</c> (shipped to the core
/// node beside prometheus.yml) and <c>deploy/shared/prometheus/tests/*.test.yml</c> (run by RenderConfigs, never shipped).
/// </summary>
public static class RuleFiles
{
    public const string SourceFolder = "shared/prometheus";
    public const string RulesFolder = "rules";
    public const string TestsFolder = "tests";

    /// <summary>Bundle folder of the rule files on the core node (mounted at /etc/prometheus/rules).</summary>
    public const string BundleFolder = "prometheus/rules";

    /// <summary>rule_files entry of prometheus.yml, relative to the config file.</summary>
    public const string ConfigGlob = "rules/*.yml";

    public static bool IsRuleFile(string relative) => relative.StartsWith(RulesFolder + "/", StringComparison.Ordinal) && relative.EndsWith(".yml", StringComparison.Ordinal);

    public static bool IsTestFile(string relative) => relative.StartsWith(TestsFolder + "/", StringComparison.Ordinal) && relative.EndsWith(".test.yml", StringComparison.Ordinal);

    /// <summary>Path of a source file as diagnostics show it.</summary>
    public static string SourcePath(string deployRoot, string relative) => Path.Combine(deployRoot, SourceFolder, relative);
}
