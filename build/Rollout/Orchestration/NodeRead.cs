using Ktrdr.Deploy.Remote;
using Ktrdr.Deploy.Rollout.Deploy;

namespace Ktrdr.Deploy.Rollout.Orchestration;

/// <summary>One node's state as a deploy starts from it: its connection, what it runs, and the decision taken from that.</summary>
public sealed record NodeRead(ICommandExecutor Connection, NodeState Before, DeployDecision Decision);

/// <summary>
/// A node's state read ahead for a later deploy target of the same run, and whether that target may decide from it:
/// only for the same wish (node, bundle, images, services, tag, secrets, --force) and only while it is fresh.
/// </summary>
public sealed record ReadAhead(NodeDeployRequest Request, DateTimeOffset StartedAt, Task<NodeRead> Read)
{
    /// <summary>How old a read-ahead may be when its target starts (nothing was deployed in between, or it was dropped).</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    public bool UsableFor(NodeDeployRequest now, DateTimeOffset at) =>
        at - StartedAt <= MaxAge && SameWish(Request, now);

    internal static bool SameWish(NodeDeployRequest was, NodeDeployRequest now) =>
        was.Node.Name == now.Node.Name && was.Force == now.Force &&
        was.Desired.SameTarget(now.Desired) && was.Desired.Tag == now.Desired.Tag &&
        was.Desired.Services.SequenceEqual(now.Desired.Services, StringComparer.Ordinal) &&
        was.Secrets.Count == now.Secrets.Count &&
        was.Secrets.All(s => now.Secrets.TryGetValue(s.Key, out var value) && value == s.Value);
}
