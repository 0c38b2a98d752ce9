using BuildEngine;
using Ktrdr.Deploy.Secrets;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Build;

partial class Build
{
    /// <summary>One store per run: each secret is fetched once (1Password rate-limits tools that fetch on every step).</summary>
    readonly SecretStore Secrets = new();

    /// <summary>
    /// Fetches the named secrets before any node is touched, and registers every value with the masker so no log
    /// line, summary or annotation can show it. All unavailable secrets are reported together.
    /// </summary>
    async Task<SecretSet> FetchSecretsAsync(EnvironmentTopology env, IEnumerable<string> names, CancellationToken ct)
    {
        var set = await Secrets.FetchAsync(env, names, RootDirectory, ct);
        foreach (var value in set.Values) SecretMasker.Register(value);
        return set;
    }
}
