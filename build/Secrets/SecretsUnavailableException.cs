namespace Ktrdr.Deploy.Secrets;

/// <summary>
/// Every secret that could not be fetched or failed a rule, reported together before any node is touched.
/// The message names each secret, its reference and what to do; it never holds a value.
/// </summary>
public sealed class SecretsUnavailableException(IReadOnlyList<SecretFailure> failures) : Exception(Describe(failures))
{
    public IReadOnlyList<SecretFailure> Failures { get; } = failures;

    private static string Describe(IReadOnlyList<SecretFailure> failures)
    {
        var count = failures.Count == 1 ? "1 secret is" : $"{failures.Count} secrets are";
        var lines = failures.Select(f => $"  - {f}");
        return $"{count} unavailable; nothing was deployed and no node was touched:{Environment.NewLine}" +
               string.Join(Environment.NewLine, lines);
    }
}
