using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Ktrdr.Deploy.Rendering.Prometheus;

/// <summary>Small helpers over YamlDotNet's node model for the rule and rule-test readers. Malformed files yield null.</summary>
internal static class RuleYaml
{
    public static YamlMappingNode? Root(string text)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return stream.Documents.Count > 0 ? stream.Documents[0].RootNode as YamlMappingNode : null;
        }
        catch (YamlException) { return null; }
    }

    public static YamlNode? Child(this YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    public static string? Scalar(this YamlMappingNode map, string key) => (map.Child(key) as YamlScalarNode)?.Value;

    public static IEnumerable<YamlMappingNode> Mappings(this YamlMappingNode map, string key) =>
        (map.Child(key) as YamlSequenceNode)?.Children.OfType<YamlMappingNode>() ?? [];

    public static int Line(this YamlNode node) => (int)node.Start.Line;
}
