using Ktrdr.Deploy.Rendering.Compose;
using YamlDotNet.RepresentationModel;

namespace Ktrdr.Deploy.Rendering.Swarm;

/// <summary>
/// The stack file a Swarm deploy runs: RenderConfigs' <c>docker-stack.yml</c> (which never saw a secret value, so every
/// secret object is named with the version <c>pending</c>) with each secret's object named after the value the deploy
/// fetched (<see cref="SwarmNames.Secret"/>, <see cref="SwarmNames.Version"/>), and each image we build named by the digest the
/// registry gives its tag now (<c>repo:tag@sha256:...</c>: every node runs that exact image, and a re-pushed tag is a change).
/// Nothing else in the file changes.
/// </summary>
/// <param name="Objects">Swarm secret object name → the topology secret whose value it holds.</param>
public sealed record PinnedStack(string Text, IReadOnlyDictionary<string, string> Objects)
{
    /// <summary>The stack file RenderConfigs writes into the core node's bundle.</summary>
    public const string RenderedFile = SwarmStack.FileName;

    /// <summary>The topology secrets the rendered stack names (its top-level <c>secrets:</c>), in order.</summary>
    public static IReadOnlyList<string> SecretsOf(string stackText) => [.. Keys(stackText, "secrets").Order(StringComparer.Ordinal)];

    /// <summary>The stack's services, in file order (without the stack's prefix).</summary>
    public static IReadOnlyList<string> ServicesOf(string stackText) => [.. Keys(stackText, "services")];

    private static IEnumerable<string> Keys(string stackText, string section)
    {
        var root = ComposeParser.LoadRoot(stackText);
        return root is not null && root.Children.TryGetValue(new YamlScalarNode(section), out var s) && s is YamlMappingNode map
            ? map.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? "")
            : [];
    }

    /// <param name="values">Every secret the stack names → its value.</param>
    /// <param name="images">Images as the registry resolves them now (<c>repo:tag@sha256:...</c>); one the stack does not name is ignored.</param>
    public static PinnedStack Pin(string stackText, IReadOnlyDictionary<string, string> values, IEnumerable<string>? images = null) =>
        PinVersions(stackText, SecretsOf(stackText).ToDictionary(s => s,
            s => values.TryGetValue(s, out var value) ? SwarmNames.Version(value)
                : throw new ArgumentException($"the stack names the secret {s}, but no value for it was fetched", nameof(values)), StringComparer.Ordinal), images);

    /// <summary>The stack with each secret's object named by a known version (Status: the versions the services mount now), no value needed.</summary>
    /// <param name="versions">Every secret the stack names → its <see cref="SwarmNames.Version"/>.</param>
    /// <param name="images">As for <see cref="Pin"/>.</param>
    public static PinnedStack PinVersions(string stackText, IReadOnlyDictionary<string, string> versions, IEnumerable<string>? images = null)
    {
        var text = stackText;
        var objects = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var secret in SecretsOf(stackText))
        {
            if (!versions.TryGetValue(secret, out var version))
                throw new ArgumentException($"the stack names the secret {secret}, but no version of it is known", nameof(versions));
            var pending = $"name: {SwarmNames.Secret(secret, SwarmNames.PendingVersion)}\n";
            if (!text.Contains(pending, StringComparison.Ordinal))
                throw new ArgumentException($"the stack's secret {secret} is not named {SwarmNames.Secret(secret, SwarmNames.PendingVersion)}: render it again " +
                                            "with ./build.sh RenderConfigs", nameof(stackText));
            var name = SwarmNames.Secret(secret, version);
            text = text.Replace(pending, $"name: {name}\n", StringComparison.Ordinal);
            objects[name] = secret;
        }
        foreach (var image in (images ?? []).Where(i => i.Contains('@', StringComparison.Ordinal)).Distinct())
            text = text.Replace($"image: \"{image[..image.IndexOf('@')]}\"\n", $"image: \"{image}\"\n", StringComparison.Ordinal);
        return new PinnedStack(text, objects);
    }
}
