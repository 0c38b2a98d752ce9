using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Rendering.Bundles;

/// <summary>
/// The non-secret variables written to a node's <c>.env</c>: identity, addresses, image references,
/// then environment-wide and per-node extras. Secrets are never here; they are injected at deploy time.
/// </summary>
public static class NodeVariables
{
    /// <summary>Variables that identify a node. Compose files must never give them a default.</summary>
    public static readonly IReadOnlySet<string> IdentityNames = new HashSet<string> { GeneratedVariables.NodeName, GeneratedVariables.NodeHost };

    public static IReadOnlyDictionary<string, string> For(EnvironmentTopology env, NodeSpec node, string tag)
    {
        var core = env.NodesWithRole(NodeRole.Core).FirstOrDefault();
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [GeneratedVariables.NodeName] = node.Name,
            [GeneratedVariables.NodeHost] = node.Host,
            [GeneratedVariables.BackendHost] = core?.Host ?? node.Host,
            [GeneratedVariables.ApiEnvironment] = env.ApiEnvironment.ToString().ToLowerInvariant(),
            [GeneratedVariables.SharedDataPath] = env.Storage.Path,
            [GeneratedVariables.ImageTag] = tag,
        };
        foreach (var image in env.Images.Values)
            values[image.EnvVariable] = ImageReference(env, image, tag);
        foreach (var (k, v) in env.Env) values[k] = v;
        foreach (var (k, v) in node.Env) values[k] = v;
        return values;
    }

    /// <summary>Full reference with tag: built images come from the registry nodes pull from, with the deploy tag.</summary>
    public static string ImageReference(EnvironmentTopology env, ImageSpec image, string tag) =>
        image.Build ? $"{env.Registry.PullUrl}/{image.Repository}:{tag}" : $"{image.Repository}:{image.Tag}";

    /// <summary>The .env a node's bundle carries for a tag (RenderConfigs writes it; Diff renders it again for the deployed tag).</summary>
    public static string DotEnv(EnvironmentTopology env, NodeSpec node, string tag) => ToDotEnv(env, node, For(env, node, tag));

    private static string ToDotEnv(EnvironmentTopology env, NodeSpec node, IReadOnlyDictionary<string, string> values) =>
        $"# {env.Name}/{node.Name}: written by ./build.sh RenderConfigs. Non-secret values only;\n" +
        "# secrets are passed to compose at deploy time and never written to disk.\n" +
        string.Concat(values.Select(kv => $"{kv.Key}={kv.Value}\n"));
}
