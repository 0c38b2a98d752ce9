using Ktrdr.Deploy.Rendering.Bundles;
using Ktrdr.Deploy.Rendering.Swarm;
using Ktrdr.Deploy.Topology;
using YamlDotNet.RepresentationModel;

namespace Rendering.Tests.Swarm;

/// <summary>The stack file of a deploy tree's environment as Swarm, rendered directly (no tools), and ways to read it back.</summary>
internal static class SwarmRender
{
    public static RenderedStack Stack(this DeployTree tree, string environment = "lab", StackInputs? inputs = null)
    {
        var topology = tree.Topology(environment) with { Engine = DeployEngine.Swarm };
        var problems = new List<Diagnostic>();
        var sources = DeploySources.Load(tree.Root, topology, problems);
        Assert.Empty(problems);
        return SwarmStack.Render(topology, sources, DeployTree.Tag, inputs ?? StackInputs.Unknown);
    }

    public static YamlMappingNode Root(this RenderedStack stack)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(stack.Text));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    public static IReadOnlyList<string> ServiceNames(this RenderedStack stack) =>
        ((YamlMappingNode)stack.Root()["services"]).Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToList();

    public static YamlMappingNode Service(this RenderedStack stack, string name) => (YamlMappingNode)stack.Root()["services"][name];

    /// <summary>The scalar at a path of keys (and list indexes as numbers), e.g. "deploy", "update_config", "monitor".</summary>
    public static string? At(this YamlNode node, params object[] path)
    {
        foreach (var step in path)
        {
            node = step switch
            {
                int i when node is YamlSequenceNode seq && i < seq.Children.Count => seq.Children[i],
                string k when node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(k), out var child) => child,
                _ => null!,
            };
            if (node is null) return null;
        }
        return (node as YamlScalarNode)?.Value;
    }

    public static IReadOnlyList<string> List(this YamlNode node, params object[] path)
    {
        foreach (var step in path) node = step is int i ? ((YamlSequenceNode)node).Children[i] : ((YamlMappingNode)node)[(string)step];
        return ((YamlSequenceNode)node).Children.Select(c => ((YamlScalarNode)c).Value!).ToList();
    }

    /// <summary>The only diagnostic of a severity on a field; fails listing everything when there is not exactly one.</summary>
    public static Diagnostic Single(this RenderedStack stack, string field, DiagnosticSeverity severity = DiagnosticSeverity.Error)
    {
        var found = stack.Diagnostics.Where(d => d.Field == field && d.Severity == severity).ToList();
        Assert.True(found.Count == 1, $"expected one {severity} on {field}, got:\n" + string.Join("\n", stack.Diagnostics));
        return found[0];
    }
}
