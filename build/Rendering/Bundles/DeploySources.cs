using Ktrdr.Deploy.Rendering.Compose;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Rendering.Bundles;

/// <summary>
/// Every input file a render reads, loaded once from a deploy tree (default: the repository's deploy/).
/// Rendering and checks are pure functions of these sources plus the topology and the tag.
/// </summary>
public sealed record DeploySources(
    string DeployRoot,
    IReadOnlyDictionary<string, ComposeFile> ComposeFiles,          // by absolute path
    IReadOnlyDictionary<string, string> GrafanaFiles,               // bundle-relative path (grafana/...) → text
    IReadOnlyDictionary<string, string> Dockerfiles,                // image key → Dockerfile text
    IReadOnlyList<string> MetricCatalog,
    string MetricCatalogPath)
{
    /// <summary>deploy/shared/prometheus: alert rules and their unit tests, by path relative to that folder (rules/x.yml, tests/x.test.yml).</summary>
    public IReadOnlyDictionary<string, string> PrometheusFiles { get; init; } = new Dictionary<string, string>();

    public IEnumerable<KeyValuePair<string, string>> RuleFiles => PrometheusFiles.Where(f => Prometheus.RuleFiles.IsRuleFile(f.Key));

    public IEnumerable<KeyValuePair<string, string>> RuleTestFiles => PrometheusFiles.Where(f => Prometheus.RuleFiles.IsTestFile(f.Key));

    public const string GrafanaFolder = "shared/grafana";
    public const string MetricCatalogFile = "shared/metrics-catalog.yml";

    /// <summary>Absolute paths of a node's compose files, in topology order.</summary>
    public static IReadOnlyList<string> ComposePaths(EnvironmentTopology env, NodeSpec node) =>
        node.ComposeFiles.Select(f => Path.GetFullPath(Path.Combine(env.Directory, f))).ToList();

    public IReadOnlyList<ComposeFile> ComposeFor(EnvironmentTopology env, NodeSpec node) =>
        ComposePaths(env, node).Where(ComposeFiles.ContainsKey).Select(p => ComposeFiles[p]).ToList();

    /// <summary>Reads the deploy tree. Missing files become diagnostics, never exceptions.</summary>
    public static DeploySources Load(string deployRoot, EnvironmentTopology env, List<Diagnostic> problems)
    {
        var compose = new Dictionary<string, ComposeFile>();
        foreach (var node in env.Nodes)
        foreach (var path in ComposePaths(env, node).Where(p => !compose.ContainsKey(p)))
        {
            if (File.Exists(path)) compose[path] = ComposeParser.Parse(path, File.ReadAllText(path), problems);
            else problems.Add(Missing(env, $"nodes.{node.Name}.compose_files", path, "list only compose files that exist in the environment folder"));
        }

        var grafanaRoot = Path.Combine(deployRoot, GrafanaFolder);
        var grafana = ReadFolder(grafanaRoot, "grafana/");
        if (!Directory.Exists(grafanaRoot) && env.NodesWithRole(NodeRole.Core).Any())
            problems.Add(new Diagnostic(grafanaRoot, 0, 0, "", "the Grafana provisioning folder is missing",
                "the core bundle carries datasources.yml, dashboards.yml and dashboards/*.json from deploy/shared/grafana"));

        var dockerfiles = new Dictionary<string, string>();
        foreach (var image in env.Images.Values.Where(i => i.Dockerfile is not null))
        {
            var path = Path.Combine(deployRoot, image.Dockerfile!);
            if (File.Exists(path)) dockerfiles[image.Key] = File.ReadAllText(path);
            else problems.Add(Missing(env, $"images.{image.Key}.dockerfile", path, "the path is relative to the deploy root (e.g. docker/Dockerfile)"));
        }

        var catalogPath = Path.Combine(deployRoot, MetricCatalogFile);
        var catalog = Bundles.MetricCatalog.Load(catalogPath, problems);
        return new DeploySources(deployRoot, compose, grafana, dockerfiles, catalog, catalogPath) { PrometheusFiles = ReadFolder(Path.Combine(deployRoot, Prometheus.RuleFiles.SourceFolder)) };
    }

    /// <summary>Every file under a folder (none when it is missing), by prefix + relative path with '/' separators, in ordinal order.</summary>
    private static Dictionary<string, string> ReadFolder(string root, string prefix = "")
    {
        var files = new Dictionary<string, string>();
        if (!Directory.Exists(root)) return files;
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            files[prefix + Path.GetRelativePath(root, file).Replace('\\', '/')] = File.ReadAllText(file);
        return files;
    }

    private static Diagnostic Missing(EnvironmentTopology env, string field, string path, string hint)
    {
        var at = env.SourceMap.Find(field);
        return new Diagnostic(env.SourceFile, at.Line, at.Column, field, $"file not found: {path}", hint);
    }
}
