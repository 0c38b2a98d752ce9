using Ktrdr.Deploy.Topology;
using Ktrdr.Deploy.Topology.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Ktrdr.Deploy.Rendering.Bundles;

/// <summary>deploy/shared/metrics-catalog.yml: the metric names that exist; dashboards may query only these.</summary>
internal static class MetricCatalog
{
    private const string Unchecked = "until it reads, the metric names the dashboards query are not checked";

    public static IReadOnlyList<string> Load(string path, List<Diagnostic> problems)
    {
        if (!File.Exists(path))
        {
            problems.Add(new Diagnostic(path, 0, 0, "", "the metric catalog is missing",
                "list the metric names the application exposes under 'metrics:' (groups of names)"));
            return [];
        }
        var text = File.ReadAllText(path);
        if (YamlNesting.TooDeep(path, text) is { } deep)
        {
            problems.Add(deep with { Hint = $"{deep.Hint}; {Unchecked}" });
            return [];
        }
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            var root = (YamlMappingNode)stream.Documents[0].RootNode;
            var groups = (YamlMappingNode)root.Children[new YamlScalarNode("metrics")];
            var names = groups.Children.Values.OfType<YamlSequenceNode>()
                .SelectMany(s => s.OfType<YamlScalarNode>()).Select(s => s.Value!).Distinct().ToList();
            if (names.Count == 0)
                problems.Add(new Diagnostic(path, (int)groups.Start.Line, (int)groups.Start.Column, "metrics", "expected metric names, found none",
                    $"list the metric names the application exposes, e.g. metrics: {{ backend: [ktrdr_operations_active] }}; {Unchecked}"));
            return names;
        }
        catch (YamlException e)
        {
            problems.Add(new Diagnostic(path, (int)e.Start.Line, (int)e.Start.Column, "", $"this is not valid YAML: {e.Message}",
                $"fix the syntax at that line; {Unchecked}"));
            return [];
        }
        catch (Exception e) when (e is InvalidCastException or KeyNotFoundException or ArgumentOutOfRangeException or IndexOutOfRangeException)
        {
            problems.Add(new Diagnostic(path, 1, 1, "metrics", "expected 'metrics:' with groups of metric-name lists",
                $"e.g. metrics: {{ backend: [ktrdr_operations_active] }}; {Unchecked}"));
            return [];
        }
    }
}
