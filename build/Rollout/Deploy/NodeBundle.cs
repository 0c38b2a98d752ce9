using System.Text.Json;
using Ktrdr.Deploy.Rendering.Bundles;
using Ktrdr.Deploy.Rendering.Compose;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Rollout.Deploy;

/// <summary>
/// A node's rendered bundle as RenderConfigs wrote it (<c>.artifacts/render/&lt;env&gt;/&lt;node&gt;/</c>): its directory, its
/// hash from the manifest, the image references of its .env that its compose files use, and the secrets its compose files read.
/// </summary>
public sealed record NodeBundle(string Directory, string Hash, IReadOnlyDictionary<string, string> EnvImages, IReadOnlyList<string> SecretNames)
{
    /// <summary>The services that run on the node with its profiles, in file order (what a rolling update walks through).</summary>
    public IReadOnlyList<string> Services { get; init; } = [];

    public static NodeBundle Load(string renderRoot, EnvironmentTopology env, NodeSpec node)
    {
        var directory = Path.Combine(renderRoot, env.Name, node.Name);
        var manifestPath = Path.Combine(directory, RenderedBundle.ManifestName);
        if (!File.Exists(manifestPath))
            throw new RolloutException($"{node.Name}: no rendered bundle at {directory}: run ./build.sh RenderConfigs --environment {env.Name} first " +
                                       "(the Deploy targets depend on it unless skipped)");
        var hash = ManifestHash(manifestPath, node)
                   ?? throw new RolloutException($"{manifestPath}: not the manifest of {node.Name}'s bundle: run ./build.sh RenderConfigs again");
        var composeFiles = node.ComposeFiles.Select(f => Path.Combine(directory, Path.GetFileName(f))).ToList();
        if (composeFiles.FirstOrDefault(f => !File.Exists(f)) is { } missing)
            throw new RolloutException($"{node.Name}: the bundle at {directory} has no {Path.GetFileName(missing)}: run ./build.sh RenderConfigs again");
        var texts = composeFiles.Select(f => (Path: f, Text: File.ReadAllText(f))).ToList();

        var referenced = texts.SelectMany(f => VariableReference.FindAll(f.Text)).Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        var dotEnv = ReadEnv(Path.Combine(directory, ".env"));
        var images = env.Images.Values.Where(i => referenced.Contains(i.EnvVariable) && dotEnv.ContainsKey(i.EnvVariable))
            .ToDictionary(i => i.EnvVariable, i => dotEnv[i.EnvVariable]);
        var secrets = env.Secrets.Keys.Where(referenced.Contains).Where(n => n != env.Registry.TokenSecret).Order(StringComparer.Ordinal).ToList();
        var problems = new List<Topology.Diagnostic>();
        var services = texts.SelectMany(f => ComposeParser.Parse(f.Path, f.Text, problems).ActiveServices(node.Profiles))
            .Select(s => s.Name).Distinct().ToList();
        return new NodeBundle(directory, hash, images, secrets) { Services = services };
    }

    /// <summary>The bundle hash of the manifest when it is this node's, else null (also for a file that is not JSON).</summary>
    private static string? ManifestHash(string path, NodeSpec node)
    {
        try
        {
            using var manifest = JsonDocument.Parse(File.ReadAllText(path));
            var root = manifest.RootElement;
            return root.ValueKind == JsonValueKind.Object && root.TryGetProperty("node", out var n) && n.ValueKind == JsonValueKind.String &&
                   n.GetString() == node.Name && root.TryGetProperty("bundleHash", out var h) && h.ValueKind == JsonValueKind.String
                ? h.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>NAME=value lines of a .env file (comments and blank lines skipped).</summary>
    public static IReadOnlyDictionary<string, string> ReadEnv(string path) =>
        File.Exists(path)
            ? File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#') && l.Contains('='))
                .Select(l => l.Split('=', 2)).GroupBy(kv => kv[0]).ToDictionary(g => g.Key, g => g.Last()[1])
            : new Dictionary<string, string>();
}
