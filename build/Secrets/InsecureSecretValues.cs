using Ktrdr.Deploy.Topology.AppEnvironment;

namespace Ktrdr.Deploy.Secrets;

/// <summary>
/// Refuses a fetched value equal to one of the application's public insecure defaults (deploy/app/ktrdr-env.tsv:
/// <c>insecure-dev-secret</c>, <c>localdev</c>): with it, a deploy would run exactly like a forgotten secret. Pure;
/// the failure names the secret and where it came from, never the value.
/// </summary>
public static class InsecureSecretValues
{
    /// <summary>The failure for <paramref name="value"/>, or null when it is not a known insecure default.</summary>
    public static SecretFailure? Check(string name, string reference, string value, IReadOnlyCollection<string>? insecureDefaults = null) =>
        (insecureDefaults ?? AppEnvCatalog.Current.InsecureDefaults).Contains(value.Trim(), StringComparer.Ordinal)
            ? new SecretFailure(name, reference, $"{name} is one of the application's public insecure default values",
                $"store a random value at {reference} (for example the output of: openssl rand -hex 32)")
            : null;
}
