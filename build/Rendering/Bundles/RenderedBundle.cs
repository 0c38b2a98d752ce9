using System.Security.Cryptography;
using System.Text;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Rendering.Bundles;

/// <summary>One file of a bundle, as it will land on the node (path relative to the deploy directory).</summary>
public sealed record BundleFile(string Path, string Content)
{
    public string Sha256 => HashOf(Content);

    /// <summary>The hash a manifest records for a file with this content (SHA-256 of its UTF-8 bytes, lower-case hex).</summary>
    public static string HashOf(string content) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
}

/// <summary>Everything one node receives. <see cref="Hash"/> changes exactly when a file's content or name changes.</summary>
public sealed record RenderedBundle(string Environment, NodeSpec Node, string Tag, IReadOnlyList<BundleFile> Files)
{
    public string Hash => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
        string.Join("\n", Files.OrderBy(f => f.Path, StringComparer.Ordinal).Select(f => $"{f.Path} {f.Sha256}")))));

    public BundleFile? File(string path) => Files.FirstOrDefault(f => f.Path == path);

    /// <summary>manifest.json: what is in the bundle and its hash; deterministic (no timestamps) so reruns compare equal.</summary>
    public BundleFile Manifest() => new(BundleManifest.FileName, new BundleManifest(Environment, Node.Name, Tag, Hash,
        [.. Files.OrderBy(f => f.Path, StringComparer.Ordinal).Select(f => new BundleManifestFile(f.Path, f.Sha256, Encoding.UTF8.GetByteCount(f.Content)))]).ToJson());
}
