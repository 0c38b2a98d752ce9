using BuildEngine;
using Ktrdr.Deploy.Secrets;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Rollout.Orchestration;

/// <summary>
/// Fetches secrets before any node is touched, once per run (1Password rate-limits tools that fetch on every step), and
/// registers every value with the masker so no log line, summary or annotation can show it.
/// </summary>
public sealed class MaskedSecrets(SecretStore store, string rootDirectory) : ISecretSource
{
    public async Task<SecretSet> FetchAsync(EnvironmentTopology env, IEnumerable<string> names, CancellationToken ct)
    {
        var set = await store.FetchAsync(env, names, rootDirectory, ct);
        foreach (var value in set.Values) SecretMasker.Register(value);
        return set;
    }
}
