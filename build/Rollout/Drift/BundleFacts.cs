using Ktrdr.Deploy.Commands.Drift;
using Ktrdr.Deploy.Rendering.Bundles;
using Ktrdr.Deploy.Rendering.Compose;
using Ktrdr.Deploy.Rollout.Deploy;

namespace Ktrdr.Deploy.Rollout.Drift;

/// <summary>
/// What a deploy would leave on a node: the environment and node the bundle is for, its hash, every file with its
/// sha256 (the manifest included), the services the node's profiles run, each service's wanted image
/// (<c>reference@digest</c> for images we build, the pinned reference otherwise), the names of secrets (their values
/// are masked in a .env diff) and the compose files and .env whose equality makes the config hashes comparable.
/// </summary>
public sealed record BundleFacts(
    string Environment,
    string Node,
    string BundleHash,
    IReadOnlyDictionary<string, string> Files,
    IReadOnlyList<string> Services,
    IReadOnlyDictionary<string, string> Images,
    IReadOnlyCollection<string> SecretNames)
{
    /// <summary>The bundle's text of a file (for a diff), or null when it has none.</summary>
    public Func<string, string?> Text { get; init; } = _ => null;

    /// <summary>The files compose reads (compose files and .env); when they equal the node's, compose's config hashes on the node are the bundle's.</summary>
    public IReadOnlyList<string> ComposeInputs { get; init; } = [];

    /// <summary>The facts of a rendered bundle for a deploy of <paramref name="desired"/>.</summary>
    public static BundleFacts Of(string node, NodeBundle bundle, DeployStamp desired, IEnumerable<string> secretNames, IEnumerable<string> composeFiles)
    {
        var manifest = Path.Combine(bundle.Directory, BundleManifest.FileName);
        var environment = BundleManifest.Parse(File.ReadAllText(manifest))?.Environment ?? "";
        var files = new Dictionary<string, string>(bundle.Files, StringComparer.Ordinal)
        {
            [BundleManifest.FileName] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(manifest))),
        };
        return new BundleFacts(environment, node, bundle.Hash, files, bundle.Services, WantedImages(bundle.ServiceImages, desired.Images),
            [.. secretNames])
        {
            Text = path => files.ContainsKey(path) && File.Exists(Path.Combine(bundle.Directory, path)) ? File.ReadAllText(Path.Combine(bundle.Directory, path)) : null,
            ComposeInputs = [.. composeFiles.Select(f => Path.GetFileName(f)), BundleRenderer.EnvFile],
            ServiceImages = bundle.ServiceImages,
        };
    }

    /// <summary>Active service → its image as its compose file writes it (<c>${KTRDR_IMAGE}</c>): what a stamp's image identities apply to.</summary>
    public IReadOnlyDictionary<string, string> ServiceImages { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The bundle as the node's own manifest and stamp say it was deployed (Status compares a node with what it was
    /// given, without rendering anything): its files, and the services that came up; images are not compared.
    /// </summary>
    public static BundleFacts AsDeployed(string environment, Topology.NodeSpec node, NodeFacts facts) =>
        AsDeployed(environment, node.Name, [.. node.ComposeFiles.Select(f => Path.GetFileName(f)), BundleRenderer.EnvFile], facts);

    /// <summary>
    /// What the node's own stamp and manifest say was deployed there, with what this checkout knows about it (Diff
    /// without --tag): the manifest's files, the stamp's services and images (through <paramref name="rendered"/>'s
    /// compose images), and a file's text for a diff where this checkout renders it exactly as deployed: the .env
    /// rendered for the tag the manifest names (<paramref name="envFileAt"/>), any other file as rendered. A node
    /// without a readable stamp or manifest is compared with <paramref name="rendered"/> (its stamp finding says why).
    /// </summary>
    public static BundleFacts AsDeployedBy(BundleFacts rendered, NodeFacts facts, Func<string, string?> envFileAt)
    {
        var stamp = DeployStamp.Parse(facts.Stamp);
        var manifest = BundleManifest.Parse(facts.Manifest);
        if (stamp is null || manifest is null) return rendered;
        var deployed = AsDeployed(rendered.Environment, rendered.Node, rendered.ComposeInputs, facts);
        return deployed with
        {
            Images = WantedImages(rendered.ServiceImages, stamp.Images),
            SecretNames = rendered.SecretNames,
            ServiceImages = rendered.ServiceImages,
            Text = path => deployed.Files.TryGetValue(path, out var sha)
                           && (path == BundleRenderer.EnvFile && manifest.Tag is { } tag ? envFileAt(tag) : rendered.Text(path)) is { } text
                           && BundleFile.HashOf(text) == sha ? text : null,
        };
    }

    /// <summary>
    /// True when the node's files differ from what its own stamp and manifest say its deploy left there (a file changed,
    /// missing or added by hand), whatever bundle is deployed next; false without a stamp or a manifest listing files.
    /// </summary>
    public static bool HandEdited(NodeFacts facts) =>
        DeployStamp.Parse(facts.Stamp) is not null && BundleManifest.Parse(facts.Manifest) is { Files.Count: > 0 } &&
        FileDrift.Findings(AsDeployed("", "", [], facts), facts).Any();

    private static BundleFacts AsDeployed(string environment, string node, IReadOnlyList<string> composeInputs, NodeFacts facts)
    {
        var stamp = DeployStamp.Parse(facts.Stamp);
        var files = new Dictionary<string, string>(BundleManifest.Parse(facts.Manifest)?.FileHashes ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        if (facts.Files.TryGetValue(BundleManifest.FileName, out var manifest)) files[BundleManifest.FileName] = manifest;
        return new BundleFacts(environment, node, stamp?.BundleHash ?? "", files, stamp?.Services ?? [], new Dictionary<string, string>(), [])
        {
            ComposeInputs = composeInputs,
        };
    }

    /// <summary>
    /// Service → the image it should run: an image written as <c>${VAR}</c> gets the deploy's identity of VAR; one
    /// written literally is that reference; one whose variable the deploy does not know is left out (not compared).
    /// </summary>
    public static IReadOnlyDictionary<string, string> WantedImages(IReadOnlyDictionary<string, string> serviceImages, IReadOnlyDictionary<string, string> identities)
    {
        var wanted = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (service, image) in serviceImages)
        {
            var variables = VariableReference.FindAll(image);
            if (variables.Count == 0) wanted[service] = image;
            else if (variables.Count == 1 && IsWholeVariable(image.Trim()) && identities.TryGetValue(variables[0].Name, out var identity))
                wanted[service] = identity;
        }
        return wanted;
    }

    private static bool IsWholeVariable(string image) =>
        image.StartsWith("${", StringComparison.Ordinal) && image.EndsWith('}') && image.IndexOf('}') == image.Length - 1;
}
