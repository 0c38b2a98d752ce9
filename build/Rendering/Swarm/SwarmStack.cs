using Ktrdr.Deploy.Rendering.Bundles;
using Ktrdr.Deploy.Rendering.Compose;
using Ktrdr.Deploy.Topology;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Ktrdr.Deploy.Rendering.Swarm;

/// <summary>
/// Renders the environment's one stack file, <c>docker-stack.yml</c>, from the same compose files and topology as the
/// per-node compose bundles: for every node, each service its compose files and profiles run becomes a service placed on
/// that node. Pure: no file, registry or secret access (digests and secret versions come in <see cref="StackInputs"/>).
/// </summary>
internal static class SwarmStack
{
    public const string FileName = "docker-stack.yml";

    public static RenderedStack Render(EnvironmentTopology env, DeploySources sources, string tag, StackInputs inputs)
    {
        var diagnostics = new List<Diagnostic>();
        var services = new YMap();
        var volumes = new YMap();
        var secrets = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var node in env.Nodes)
        {
            var variables = Variables(env, node, tag, inputs);
            foreach (var file in sources.ComposeFor(env, node))
            {
                if (Parse(file) is not { } root) continue;
                var bodies = root.Children.TryGetValue(new YamlScalarNode("services"), out var s) && s is YamlMappingNode m ? m : new YamlMappingNode();
                foreach (var active in file.ActiveServices(node.Profiles))
                {
                    if (!bodies.Children.TryGetValue(new YamlScalarNode(active.Name), out var body) || body is not YamlMappingNode map) continue;
                    var service = SwarmService.Convert(new ServiceSource(env, node, file, active.Name, map, variables, diagnostics, inputs));
                    if (services.Has(service.Name))
                    {
                        diagnostics.Add(new Diagnostic(file.Path, active.Position.Line, active.Position.Column, $"services.{active.Name}",
                            $"node {node.Name} would run a second Swarm service named {service.Name}", "rename the node or the service: stack services need unique names"));
                        continue;
                    }
                    services.Set(service.Name, service.Spec);
                    foreach (var volume in service.NamedVolumes.Where(v => !volumes.Has(v))) volumes.Set(volume, Volume(root, volume));
                    secrets.UnionWith(service.Secrets);
                }
            }
        }
        var stack = new YMap().Set("version", "3.8").Set("services", services);
        if (volumes.Count > 0) stack.Set("volumes", volumes);
        if (secrets.Count > 0)
            stack.Set("secrets", Secrets(secrets, inputs));
        return new RenderedStack(StackYaml.Write(stack, Header(env)), diagnostics.Distinct().ToList());
    }

    /// <summary>The node's .env values, with each image we know the digest of pinned to it (<c>repo:tag@sha256:...</c>).</summary>
    private static Dictionary<string, string> Variables(EnvironmentTopology env, NodeSpec node, string tag, StackInputs inputs)
    {
        var values = new Dictionary<string, string>(NodeVariables.For(env, node, tag), StringComparer.Ordinal);
        foreach (var image in env.Images.Values.Where(i => inputs.Digests.ContainsKey(i.Key)))
            values[image.EnvVariable] = $"{NodeVariables.ImageReference(env, image, tag)}@{inputs.Digests[image.Key]}";
        return values;
    }

    /// <summary>Every secret is created by the deploy (external), under a name that changes with its value.</summary>
    private static YMap Secrets(IEnumerable<string> used, StackInputs inputs)
    {
        var map = new YMap();
        foreach (var secret in used)
            map.Set(secret, new YMap().Set("external", new Plain("true")).Set("name", SwarmNames.Secret(secret, inputs.VersionOf(secret))));
        return map;
    }

    /// <summary>The compose file's own definition of a named volume (its fixed <c>name:</c>), or an empty one.</summary>
    private static YMap Volume(YamlMappingNode root, string name)
    {
        var volume = new YMap();
        if (root.Children.TryGetValue(new YamlScalarNode("volumes"), out var v) && v is YamlMappingNode volumes &&
            volumes.Children.TryGetValue(new YamlScalarNode(name), out var def) && def is YamlMappingNode map)
            foreach (var (key, value) in map.Children)
                volume.Set(((YamlScalarNode)key).Value ?? "", (value as YamlScalarNode)?.Value ?? "");
        return volume;
    }

    private static YamlMappingNode? Parse(ComposeFile file)
    {
        try
        {
            return ComposeParser.LoadRoot(file.Text);
        }
        catch (YamlException)
        {
            return null;   // reported by the compose parser already
        }
    }

    private static string Header(EnvironmentTopology env) =>
        $"# {env.Name} as one Docker Swarm stack ({SwarmNames.Stack}): written by ./build.sh RenderConfigs from the same compose\n" +
        "# files and topology as the compose bundles. Every value is resolved (docker stack deploy reads no .env); secrets are\n" +
        "# external Swarm secrets whose names change with their value, mounted under /run/secrets. See docs/swarm.md.\n";
}
