using System.Text.Json;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Rollout.Deploy;

/// <summary>
/// What a node runs, written to <c>&lt;deploy_dir&gt;/.ktrdr-deployed.json</c> after a deploy succeeded: the bundle's hash,
/// each image variable's identity (registry digest for images we build, the pinned reference for others) and the
/// services that came up. No secret is in it (a salted, slow digest of them is: <see cref="SecretsDigest"/>). A node whose stamp equals the desired one, with those services running,
/// is unchanged.
/// </summary>
public sealed record DeployStamp(string BundleHash, IReadOnlyDictionary<string, string> Images, IReadOnlyList<string> Services)
{
    public const string FileName = ".ktrdr-deployed.json";

    /// <summary>Where a node keeps its stamp: in its deploy directory, so an upload or a rollback swaps it with the bundle.</summary>
    public static string PathOn(NodeSpec node) => $"{node.DeployDirectory.TrimEnd('/')}/{FileName}";

    /// <summary>Who is deploying, as stamps and the audit record it: user@host of this process.</summary>
    public static string CurrentOperator => $"{System.Environment.UserName}@{System.Environment.MachineName}";

    /// <summary>The deploy tag, when the deploy wrote it (for Status and History; not part of the comparison).</summary>
    public string? Tag { get; init; }

    /// <summary>When the deploy finished and who ran it (user@host).</summary>
    public DateTimeOffset? DeployedAt { get; init; }

    public string? By { get; init; }

    /// <summary>
    /// Each service's compose config hash as its container carried it when this deploy passed its health gate, and the
    /// <see cref="Deploy.SecretsDigest"/> of the secrets it was started with: while both still hold, the containers run
    /// what this deploy started, and a read need not ask compose to hash the files again (<see cref="Drift.RecordedConfig"/>).
    /// </summary>
    public IReadOnlyDictionary<string, string>? ConfigHashes { get; init; }

    public string? SecretsDigest { get; init; }

    /// <summary>Same bundle and same images (the services are what came of them, not part of the wish).</summary>
    public bool SameTarget(DeployStamp other) =>
        BundleHash == other.BundleHash &&
        Images.Count == other.Images.Count &&
        Images.All(pair => other.Images.TryGetValue(pair.Key, out var value) && value == pair.Value);

    public string ToJson() => JsonSerializer.Serialize(new StampFile(BundleHash, new SortedDictionary<string, string>(Images.ToDictionary()),
        [.. Services.Order(StringComparer.Ordinal)], Tag, DeployedAt, By,
        ConfigHashes is null ? null : new SortedDictionary<string, string>(ConfigHashes.ToDictionary()), SecretsDigest), Options) + "\n";

    /// <summary>The stamp in <paramref name="text"/>, or null when there is none or it cannot be read (then the node is deployed again).</summary>
    public static DeployStamp? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            var file = JsonSerializer.Deserialize<StampFile>(text, Options);
            return file?.BundleHash is null || file.Images is null
                ? null
                : new DeployStamp(file.BundleHash, file.Images, file.Services ?? [])
                {
                    Tag = file.Tag, DeployedAt = file.DeployedAt, By = file.By, ConfigHashes = file.ConfigHashes, SecretsDigest = file.SecretsDigest,
                };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record StampFile(
        string? BundleHash, SortedDictionary<string, string>? Images, List<string>? Services, string? Tag, DateTimeOffset? DeployedAt, string? By,
        SortedDictionary<string, string>? ConfigHashes, string? SecretsDigest);

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
}
