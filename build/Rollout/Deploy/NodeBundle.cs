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

    /// <summary>Of <see cref="Services"/>, those running an image this tool builds (on this machine for the local environment, never pulled there).</summary>
    public IReadOnlyList<string> BuiltServices { get; init; } = [];

    /// <summary>The bundle's files by path, with their sha256 (from its manifest).</summary>
    public IReadOnlyDictionary<string, string> Files { get; init; } = new Dictionary<string, string>();

    /// <summary>Active service → the bundle files or folders it bind-mounts (relative sources such as <c>./prometheus/prometheus.yml</c>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Mounts { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Active service → its image as its compose file writes it (e.g. <c>${KTRDR_IMAGE}</c>), for the drift comparison.</summary>
    public IReadOnlyDictionary<string, string> ServiceImages { get; init; } = new Dictionary<string, string>();

    /// <summary>The image tag the bundle was rendered for (from its manifest).</summary>
    public string? Tag { get; init; }

    public static NodeBundle Load(string renderRoot, EnvironmentTopology env, NodeSpec node)
    {
        var directory = Path.Combine(renderRoot, env.Name, node.Name);
        var manifestPath = Path.Combine(directory, BundleManifest.FileName);
        if (!File.Exists(manifestPath))
            throw new RolloutException($"{node.Name}: no rendered bundle at {directory}: run ./build.sh RenderConfigs --environment {env.Name} first " +
                                       "(the Deploy targets depend on it unless skipped)");
        var manifest = BundleManifest.Parse(File.ReadAllText(manifestPath)) is { } m && m.Node == node.Name ? m : null;
        _ = manifest ?? throw new RolloutException($"{manifestPath}: not the manifest of {node.Name}'s bundle: run ./build.sh RenderConfigs again");
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
        var active = texts.SelectMany(f => ComposeParser.Parse(f.Path, f.Text, problems).ActiveServices(node.Profiles)).ToList();
        var built = env.Images.Values.Where(i => i.Build).Select(i => "${" + i.EnvVariable).ToList();
        return new NodeBundle(directory, manifest.BundleHash, images, secrets)
        {
            Services = [.. active.Select(s => s.Name).Distinct()],
            BuiltServices = [.. active.Where(s => s.Image is { } image && built.Any(v => image.Contains(v, StringComparison.Ordinal))).Select(s => s.Name).Distinct()],
            Tag = manifest.Tag,
            Files = manifest.FileHashes,
            Mounts = MountedFiles.Of(active),
            ServiceImages = active.Where(s => s.Image is not null).GroupBy(s => s.Name).ToDictionary(g => g.Key, g => g.Last().Image!),
        };
    }

    /// <summary>NAME=value lines of a .env file (comments and blank lines skipped).</summary>
    public static IReadOnlyDictionary<string, string> ReadEnv(string path) =>
        File.Exists(path)
            ? File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#') && l.Contains('='))
                .Select(l => l.Split('=', 2)).GroupBy(kv => kv[0]).ToDictionary(g => g.Key, g => g.Last()[1])
            : new Dictionary<string, string>();
}
