using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Rollout.Swarm;

/// <summary>
/// What the stack runs, written to <c>&lt;core deploy_dir&gt;/.ktrdr-stack.json</c> after a Swarm deploy converged: the hash of
/// the stack file it deployed (secret objects named by version, never a value) and of every node's bundle, the tag, when
/// and by whom. The upload of a new bundle replaces the directory, so a deploy that fails leaves no stamp.
/// </summary>
public sealed record SwarmStamp(string StackHash, string Tag, DateTimeOffset DeployedAt, string By)
{
    public const string FileName = ".ktrdr-stack.json";

    public static string PathOn(NodeSpec core) => $"{core.DeployDirectory.TrimEnd('/')}/{FileName}";

    /// <summary>The hash a deploy compares: the pinned stack file and each node's bundle hash.</summary>
    public static string HashOf(string stackText, IReadOnlyDictionary<string, string> bundleHashes) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(stackText + "\n" +
            string.Join("\n", bundleHashes.OrderBy(b => b.Key, StringComparer.Ordinal).Select(b => $"{b.Key}={b.Value}")))));

    public string ToJson() => JsonSerializer.Serialize(this, Options) + "\n";

    /// <summary>The stamp, or null when there is none or it cannot be read (then the stack is deployed again).</summary>
    public static SwarmStamp? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            return JsonSerializer.Deserialize<SwarmStamp>(text, Options) is { StackHash: not null } stamp ? stamp : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
}

/// <summary>Whether the stack needs deploying (pure): forced, never stamped, changed, or some service not running; else unchanged.</summary>
public sealed record SwarmDecision(bool Deploy, string Reason)
{
    public static SwarmDecision Decide(SwarmStamp? stamp, string desiredHash, Convergence services, bool force)
    {
        if (force) return new(true, "--force");
        if (stamp is null) return new(true, "no stack deployed by this tool yet");
        if (stamp.StackHash != desiredHash) return new(true, $"stack {stamp.StackHash[..12]} → {desiredHash[..12]} (the stack file or a node's bundle changed)");
        if (!services.Succeeded)
            return new(true, $"services not all running: {string.Join("; ", services.Failed.Concat(services.Waiting))}");
        return new(false, $"stack {desiredHash[..12]} ({stamp.Tag}) deployed, {services.Running.Count} services running");
    }
}
