using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Ktrdr.Deploy.Remote.HostKeys;

/// <summary>
/// The host field of a known_hosts line: a comma-separated list of names or <c>[name]:port</c>, with <c>*</c>/<c>?</c>
/// wildcards and <c>!</c> negations, or one hashed entry <c>|1|base64(salt)|base64(HMAC-SHA1(salt, name))</c>.
/// </summary>
public sealed class HostPatterns
{
    private readonly string _field;

    private HostPatterns(string field) => _field = field;

    public static HostPatterns Parse(string field) => new(field);

    /// <summary>The name OpenSSH looks up: <c>host</c> on port 22, <c>[host]:port</c> otherwise.</summary>
    public static string LookupName(string host, int port) =>
        port == 22 ? host.ToLowerInvariant() : $"[{host.ToLowerInvariant()}]:{port}";

    /// <summary>Whether the field is a valid hashed entry or a plain list; a reason when it is neither.</summary>
    public string? Problem =>
        _field.StartsWith('|') && !TryReadHash(out _, out _) ? "a hashed host must look like |1|salt|hash (both base64)" : null;

    public bool Matches(string lookupName)
    {
        if (_field.StartsWith('|'))
        {
            return TryReadHash(out var salt, out var hash) &&
                   CryptographicOperations.FixedTimeEquals(HMACSHA1.HashData(salt, Encoding.UTF8.GetBytes(lookupName)), hash);
        }

        var matched = false;
        foreach (var pattern in _field.Split(','))
        {
            var negated = pattern.StartsWith('!');
            if (Wildcard(negated ? pattern[1..] : pattern).IsMatch(lookupName))
            {
                if (negated)
                {
                    return false;
                }

                matched = true;
            }
        }

        return matched;
    }

    private bool TryReadHash(out byte[] salt, out byte[] hash)
    {
        salt = hash = [];
        var parts = _field.Split('|');
        if (parts.Length != 4 || parts[0].Length != 0 || parts[1] != "1")
        {
            return false;
        }

        try
        {
            salt = Convert.FromBase64String(parts[2]);
            hash = Convert.FromBase64String(parts[3]);
            return hash.Length == 20;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static Regex Wildcard(string pattern) =>
        new("^" + Regex.Escape(pattern.ToLowerInvariant()).Replace(@"\*", ".*").Replace(@"\?", ".") + "$",
            RegexOptions.CultureInvariant);
}
