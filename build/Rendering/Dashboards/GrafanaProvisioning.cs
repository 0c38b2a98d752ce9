using Ktrdr.Deploy.Rendering.Bundles;
using Ktrdr.Deploy.Topology;
using Ktrdr.Deploy.Topology.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Ktrdr.Deploy.Rendering.Dashboards;

/// <summary>The Grafana files of a deploy tree, parsed: dashboards and the datasource uids datasources.yml declares.</summary>
/// <param name="DatasourcesRead">False when datasources.yml could not be read: its uids are then unknown, not absent.</param>
public sealed record GrafanaProvisioning(IReadOnlyList<Dashboard> Dashboards, IReadOnlyDictionary<string, int> DatasourceUids, string DatasourcesPath,
    bool DatasourcesRead = true)
{
    public const string DashboardsFolder = "grafana/dashboards";

    public static GrafanaProvisioning From(DeploySources sources, List<Diagnostic> problems)
    {
        string SourcePath(string bundlePath) => Path.Combine(sources.DeployRoot, "shared", bundlePath);
        var dashboards = sources.GrafanaFiles
            .Where(f => f.Key.StartsWith(DashboardsFolder + "/", StringComparison.Ordinal) && f.Key.EndsWith(".json", StringComparison.Ordinal))
            .Select(f => Dashboard.Parse(SourcePath(f.Key), f.Value, problems)).ToList();
        if (sources.GrafanaFiles.ContainsKey(DashboardsFolder))
            problems.Add(new Diagnostic(SourcePath(DashboardsFolder), 0, 0, "", "expected a folder of dashboard JSON files, found a file",
                $"restore the folder {DashboardsFolder}/ with the dashboards (*.json); the bundle would ship without any dashboard"));
        else if (sources.GrafanaFiles.Count > 0 && dashboards.Count == 0)
            problems.Add(new Diagnostic(SourcePath(DashboardsFolder), 0, 0, "", "expected dashboards (*.json), found none",
                $"put the dashboards in {DashboardsFolder}/; dashboards.yml provisions that folder"));
        var dsPath = SourcePath("grafana/datasources.yml");
        var uids = sources.GrafanaFiles.TryGetValue("grafana/datasources.yml", out var ds) ? Uids(dsPath, ds, problems) : new();
        return new GrafanaProvisioning(dashboards, uids ?? [], dsPath, uids is not null);
    }

    /// <summary>uid → line of every datasource in datasources.yml; null when the file cannot be read.</summary>
    private static Dictionary<string, int>? Uids(string path, string text, List<Diagnostic> problems)
    {
        var uids = new Dictionary<string, int>();
        if (YamlNesting.TooDeep(path, text) is { } deep)
        {
            problems.Add(deep);
            return null;
        }
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root
                || !root.Children.TryGetValue(new YamlScalarNode("datasources"), out var list) || list is not YamlSequenceNode items)
            {
                problems.Add(new Diagnostic(path, 1, 1, "datasources", "expected a 'datasources:' list", "see Grafana's provisioning format (apiVersion: 1)"));
                return null;
            }
            foreach (var item in items.OfType<YamlMappingNode>())
            {
                if (item.Children.TryGetValue(new YamlScalarNode("uid"), out var uid) && uid is YamlScalarNode { Value: { } v })
                    uids[v] = (int)uid.Start.Line;
                else
                    problems.Add(new Diagnostic(path, (int)item.Start.Line, (int)item.Start.Column, "datasources[].uid",
                        "datasource without an explicit uid: Grafana would generate one and dashboards would not find it",
                        "give every datasource a fixed uid (prometheus, jaeger)"));
            }
        }
        catch (YamlException e)
        {
            problems.Add(new Diagnostic(path, (int)e.Start.Line, (int)e.Start.Column, "", $"this is not valid YAML: {e.Message}", "fix the syntax at that line"));
            return null;
        }
        return uids;
    }
}
