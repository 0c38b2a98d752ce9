namespace Ktrdr.Deploy.Rollout.Operations;

/// <summary>The deploy a node goes back to, found in the audit history: when, by which target, its bundle and tag.</summary>
public sealed record RollbackTarget(NodeDeployed Deployed, DateTimeOffset Time, string Target, string User);

/// <summary>
/// Which deploy Rollback returns a node to without being told a tag: the newest successful run in the audit history
/// that left the node on another bundle than the one it runs now. Failed runs never count, so a deploy the health gate
/// rolled back is skipped. The node must still keep that bundle as its <c>.previous</c>; otherwise the operator is told
/// which <c>--tag</c> brings it back.
/// </summary>
public static class RollbackChoice
{
    public static RollbackTarget? PreviousGood(IReadOnlyList<AuditEntry> history, string node, string? currentBundle) =>
        history.Where(e => e.Succeeded && e.Deployed is not null && e.Deployed.ContainsKey(node))
            .OrderByDescending(e => e.Time)
            .Select(e => new RollbackTarget(e.Deployed![node], e.Time, e.Target, $"{e.User}@{e.Host}"))
            .FirstOrDefault(t => t.Deployed.Bundle != currentBundle);

    /// <summary>Null when the node can swap back to <paramref name="previous"/> (the bundle kept as .previous); else why not, for a person.</summary>
    public static string? Refusal(string node, RollbackTarget? good, NodeDeployed? previous)
    {
        if (good is null)
            return $"{node}: the audit history has no earlier successful deploy of another bundle, so there is no known good deploy to go back to. " +
                   "Give the tag to go back to: ./build.sh Rollback --target-node " + node + " --tag sha-xxxxxxx (./build.sh History lists them)";
        var when = $"{good.Target} by {good.User} at {good.Time.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z";
        if (previous is null)
            return $"{node}: the previous good deploy is tag {good.Deployed.Tag} ({when}), but the node keeps no previous bundle. " +
                   $"Deploy that tag again: ./build.sh Rollback --target-node {node} --tag {good.Deployed.Tag}";
        if (previous.Bundle != good.Deployed.Bundle)
            return $"{node}: the previous good deploy is tag {good.Deployed.Tag} ({when}), but the bundle the node keeps as .previous is another one " +
                   $"(tag {previous.Tag}, e.g. a deploy the health gate rolled back). Deploy the good tag again: " +
                   $"./build.sh Rollback --target-node {node} --tag {good.Deployed.Tag}";
        return null;
    }
}
