using System.Security.Cryptography;
using System.Text;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Rendering.Swarm;

/// <summary>
/// The names a Swarm deploy agrees on with the nodes: the stack, each service, the node labels that place them and the
/// versioned secret objects. Pure; the deploy labels the nodes and creates the secrets under exactly these names.
/// </summary>
public static class SwarmNames
{
    public const string Stack = "ktrdr";

    /// <summary>Node label naming the topology node (placement constraints use it; the deploy sets it from the topology).</summary>
    public const string NodeLabel = "ktrdr.node";

    /// <summary>Node label carrying the node's role (core, workers, gpu), for operators and <c>docker node ls --filter</c>.</summary>
    public const string RoleLabel = "ktrdr.role";

    /// <summary>The version RenderConfigs writes when it has not seen the secret's value (it never fetches secrets).</summary>
    public const string PendingVersion = "pending";

    /// <summary>
    /// The core node's services keep their compose names: other services reach them by those names on the stack's network
    /// (<c>DB_HOST: db</c>). Every other node's service is prefixed with its node, one service per node and slot.
    /// </summary>
    public static string Service(NodeSpec node, string composeService) =>
        node.Role == NodeRole.Core ? composeService : $"{node.Name}-{composeService}";

    /// <summary>The labels the deploy puts on a node's Swarm node.</summary>
    public static IReadOnlyDictionary<string, string> Labels(NodeSpec node) => new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        [NodeLabel] = node.Name,
        [RoleLabel] = EnumSpelling(node.Role),
    };

    public static string PlacedOn(NodeSpec node) => $"node.labels.{NodeLabel} == {node.Name}";

    /// <summary>The Swarm secret object for a topology secret: <c>ktrdr_DB_PASSWORD_3f2a9c1b7e0d</c>. A new value is a new name.</summary>
    public static string Secret(string secret, string version) => $"{Stack}_{secret}_{version}";

    /// <summary>
    /// A secret's version: the first 12 hex digits of the SHA-256 of its value. Whoever can read the name (docker on a
    /// manager) can already mount the secret and read the value itself, so the short hash tells them nothing more.
    /// </summary>
    public static string Version(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..12];

    /// <summary>The versions of fetched secret values (name → value), for <see cref="StackInputs.SecretVersions"/>.</summary>
    public static IReadOnlyDictionary<string, string> Versions(IReadOnlyDictionary<string, string> values) =>
        values.ToDictionary(v => v.Key, v => Version(v.Value), StringComparer.Ordinal);

    private static string EnumSpelling(NodeRole role) => role.ToString().ToLowerInvariant();
}

/// <summary>What a stack render needs beyond topology and sources: image digests and secret versions, when the caller knows them.</summary>
/// <param name="Digests">Image key (ktrdr, db, ...) → <c>sha256:...</c>: the stack names the image by tag and digest.</param>
/// <param name="SecretVersions">Secret name → <see cref="SwarmNames.Version"/> of its value; missing ones are <see cref="SwarmNames.PendingVersion"/>.</param>
internal sealed record StackInputs(IReadOnlyDictionary<string, string> Digests, IReadOnlyDictionary<string, string> SecretVersions)
{
    /// <summary>RenderConfigs: no registry lookups, no secret values.</summary>
    public static readonly StackInputs Unknown = new(new Dictionary<string, string>(), new Dictionary<string, string>());

    public string VersionOf(string secret) => SecretVersions.TryGetValue(secret, out var v) ? v : SwarmNames.PendingVersion;

    /// <summary>
    /// The bundle files' SHA-256 by <see cref="FileKey"/>: a service that bind-mounts some of them carries their hash as a
    /// container label, so a changed file changes the service's spec and Swarm replaces its task (a running container keeps
    /// reading the file it mounted). Empty: no label.
    /// </summary>
    public IReadOnlyDictionary<string, string> FileHashes { get; init; } = new Dictionary<string, string>();

    /// <summary>A file of <paramref name="node"/>'s bundle as a bind mount names it: <c>node:/deploy/dir/relative/path</c>.</summary>
    public static string FileKey(NodeSpec node, string path) => $"{node.Name}:{node.DeployDirectory.TrimEnd('/')}/{(path.StartsWith("./", StringComparison.Ordinal) ? path[2..] : path)}";

    /// <summary>
    /// The hash of the bundle files under <paramref name="bound"/> (absolute paths on <paramref name="node"/>, files or
    /// directories), or null when none is a bundle file or no hashes are known.
    /// </summary>
    public string? MountedFilesHash(NodeSpec node, IReadOnlyList<string> bound)
    {
        var lines = bound.Select(path => $"{node.Name}:{path.TrimEnd('/')}")
            .SelectMany(key => FileHashes.Where(f => f.Key == key || f.Key.StartsWith(key + "/", StringComparison.Ordinal)))
            .Select(f => $"{f.Key} {f.Value}").Distinct().Order(StringComparer.Ordinal).ToList();
        return lines.Count == 0 ? null : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines))))[..12];
    }
}

/// <summary>A rendered stack file and what the render found (refusals are errors; replacements are notes).</summary>
internal sealed record RenderedStack(string Text, IReadOnlyList<Diagnostic> Diagnostics);
