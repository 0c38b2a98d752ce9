using System.Security.Cryptography;
using System.Text;

namespace Ktrdr.Deploy.Rollout.Deploy;

/// <summary>
/// A salted, slow digest of the secrets a node's containers were started with (names and values), kept in its stamp so a
/// later read can tell whether the secrets changed since without asking compose to hash every service again: the
/// format is <c>pbkdf2-sha256$&lt;iterations&gt;$&lt;salt&gt;$&lt;hash&gt;</c> (base64), the way passwords are stored. It is no
/// more than Docker itself keeps on the node (each container's config-hash label is an unsalted SHA-256 over a service's
/// configuration, secret values included), and it cannot be turned back into a value.
/// </summary>
public static class SecretsDigest
{
    private const string Scheme = "pbkdf2-sha256";
    private const int Iterations = 20_000;   // about 10 ms per node here: the cost of checking it is paid on every read

    public static string Create(IReadOnlyDictionary<string, string> secrets) => Compute(secrets, RandomNumberGenerator.GetBytes(16), Iterations);

    /// <summary>True when <paramref name="digest"/> was made from exactly these names and values.</summary>
    public static bool Matches(string? digest, IReadOnlyDictionary<string, string> secrets)
    {
        var parts = digest?.Split('$');
        if (parts is not [Scheme, var rounds, var salt, _] || !int.TryParse(rounds, out var iterations) || iterations is < 1 or > 10_000_000) return false;
        try
        {
            return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Compute(secrets, Convert.FromBase64String(salt), iterations)),
                Encoding.ASCII.GetBytes(digest!));
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static string Compute(IReadOnlyDictionary<string, string> secrets, byte[] salt, int iterations)
    {
        var text = string.Concat(secrets.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key.Length}:{s.Key}{s.Value.Length}:{s.Value}\n"));
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(text), salt, iterations, HashAlgorithmName.SHA256, 32);
        return $"{Scheme}${iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }
}
