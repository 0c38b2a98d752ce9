using Ktrdr.Deploy.Commands.Drift;
using Ktrdr.Deploy.Rollout.Deploy;

namespace Ktrdr.Deploy.Rollout.Drift;

/// <summary>
/// When a node's containers still run what its last deploy started, compose need not hash the files again (the
/// dearest part of a read: compose v1 is a Python start per node). The stamp recorded each service's config hash as its
/// container carried it after the health gate, and a digest of the secrets it was started with; the read is of the
/// containers themselves. The record vouches only when the stamp is for the bundle compared, every container of the
/// project still carries the hash recorded for its service, and the secrets are the same; then compose would compute
/// exactly those hashes again. Without containers there is nothing to compare, so nothing to hash (an empty set).
/// Anything else (an older stamp, a container recreated by hand, a rotated secret): null, and compose hashes the files.
/// </summary>
public static class RecordedConfig
{
    public static IReadOnlyDictionary<string, string>? Vouched(string bundleHash, NodeFacts facts, IReadOnlyDictionary<string, string> secrets)
    {
        if (facts.Containers.Count == 0) return new Dictionary<string, string>();
        if (DeployStamp.Parse(facts.Stamp) is not { ConfigHashes: { } recorded, SecretsDigest: { } digest } stamp || stamp.BundleHash != bundleHash) return null;
        var containersAsRecorded = facts.Containers.All(c =>
            c.Status.ConfigHash is { } hash && recorded.TryGetValue(c.Status.Service, out var wanted) && wanted == hash);
        return containersAsRecorded && SecretsDigest.Matches(digest, secrets) ? recorded : null;
    }
}
