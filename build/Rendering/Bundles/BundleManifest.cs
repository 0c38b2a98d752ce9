using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ktrdr.Deploy.Rendering.Bundles;

/// <summary>One file listed in a bundle's manifest: its path in the bundle, its sha256 and its size.</summary>
public sealed record BundleManifestFile(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("sha256")] string Sha256,
    [property: JsonPropertyName("bytes")] int Bytes);

/// <summary>
/// A bundle's manifest.json: the one type RenderConfigs writes and every reader (the deploy, the rollback, the files a
/// running node keeps) reads; its file name comes from here.
/// </summary>
public sealed record BundleManifest(
    [property: JsonPropertyName("environment")] string Environment,
    [property: JsonPropertyName("node")] string Node,
    [property: JsonPropertyName("tag")] string? Tag,
    [property: JsonPropertyName("bundleHash")] string BundleHash,
    [property: JsonPropertyName("files")] IReadOnlyList<BundleManifestFile> Files)
{
    public const string FileName = "manifest.json";

    /// <summary>The manifest inside a bundle directory on a node (always '/'-separated).</summary>
    public static string PathIn(string directory) => $"{directory.TrimEnd('/')}/{FileName}";

    private static readonly JsonSerializerOptions Written = new() { WriteIndented = true };

    /// <summary>The files by path with their sha256.</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, string> FileHashes =>
        Files.GroupBy(f => f.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Sha256, StringComparer.Ordinal);

    /// <summary>Deterministic JSON (no timestamps), so reruns compare equal.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Written) + "\n";

    /// <summary>
    /// The manifest in <paramref name="text"/>, or null when it is missing, not JSON, or lacks the node or the bundle hash.
    /// A missing tag reads as null, a missing file list as empty.
    /// </summary>
    public static BundleManifest? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || String(root, "bundleHash") is not { Length: > 0 } hash || String(root, "node") is not { } node)
                return null;
            var files = root.TryGetProperty("files", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Where(f => f.ValueKind == JsonValueKind.Object && String(f, "path") is not null && String(f, "sha256") is not null)
                    .Select(f => new BundleManifestFile(String(f, "path")!, String(f, "sha256")!,
                        f.TryGetProperty("bytes", out var b) && b.ValueKind == JsonValueKind.Number && b.TryGetInt32(out var n) ? n : 0)).ToList()
                : [];
            return new BundleManifest(String(root, "environment") ?? "", node, String(root, "tag"), hash, files);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
