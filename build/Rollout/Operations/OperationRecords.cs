using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ktrdr.Deploy.Rollout.Operations;

/// <summary>Who holds the deploy lock: enough for another operator to find the run (and to break the lock if it is gone).</summary>
public sealed record LockHolder(string Id, string User, string Host, int Pid, string Target, string Environment, DateTimeOffset Since)
{
    public override string ToString() =>
        $"{User}@{Host} (pid {Pid}) running {Target} on {Environment} since " +
        Since.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + "Z";
}

/// <summary>One line of the audit history: every mutating target appends one, success or not.</summary>
public sealed record AuditEntry(
    DateTimeOffset Time, string User, string Host, string Target, string Environment, IReadOnlyList<string> Nodes, string Tag,
    IReadOnlyDictionary<string, string> Images, string Result, double Seconds)
{
    /// <summary>What each node runs after a successful run: the bundle and tag Rollback can go back to (absent in older entries).</summary>
    public IReadOnlyDictionary<string, NodeDeployed>? Deployed { get; init; }

    public bool Succeeded => Result == "succeeded";
}

/// <summary>A node's bundle (its hash) and image tag as a run left them.</summary>
public sealed record NodeDeployed(string Bundle, string Tag);

/// <summary>The JSON both files use (one object per line for the audit), camelCase and compact.</summary>
public static class OperationJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Line<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>The entries of an audit file; lines that cannot be read are skipped (the file is append-only text).</summary>
    public static IReadOnlyList<AuditEntry> Audit(string? text) =>
        [.. (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(TryEntry).OfType<AuditEntry>()];

    public static LockHolder? Holder(string? text)
    {
        try
        {
            var holder = string.IsNullOrWhiteSpace(text) ? null : JsonSerializer.Deserialize<LockHolder>(text, Options);
            return holder is { Id: not null, User: not null, Host: not null, Target: not null, Environment: not null } ? holder : null;
        }
        catch (JsonException) { return null; }
    }

    private static AuditEntry? TryEntry(string line)
    {
        try
        {
            // a line missing a field (hand-edited, cut off) is unreadable too: History must never stop on one
            var entry = JsonSerializer.Deserialize<AuditEntry>(line, Options);
            return entry is { User: not null, Host: not null, Target: not null, Environment: not null, Nodes: not null, Tag: not null, Images: not null, Result: not null }
                ? entry : null;
        }
        catch (JsonException) { return null; }
    }
}
