namespace Ktrdr.Deploy.Remote.HostKeys;

/// <summary>
/// Like OpenSSH, asks the server for a host key of a type that known_hosts already holds for it, so that a host with
/// several keys is checked against the one the file knows. Certificates are not negotiated (not supported).
/// </summary>
public static class HostKeyAlgorithmFilter
{
    public static IReadOnlyList<string> AlgorithmsToRemove(IEnumerable<string> offered, IReadOnlySet<string> knownKeyTypes) =>
        offered.Where(algorithm => algorithm.Contains("-cert-", StringComparison.Ordinal) ||
                                   (knownKeyTypes.Count > 0 && !knownKeyTypes.Contains(KeyTypeOf(algorithm))))
               .ToList();

    /// <summary>The key type an algorithm signs with: rsa-sha2-256/512 use ssh-rsa keys; the others are named after theirs.</summary>
    public static string KeyTypeOf(string algorithm) =>
        algorithm.StartsWith("rsa-sha2-", StringComparison.Ordinal) ? "ssh-rsa" : algorithm;
}
