using System.Text.RegularExpressions;

namespace Ktrdr.Deploy.Rollout.Drift;

/// <summary>
/// Masks the values of a .env diff's lines whose variable is a declared secret or is named like one (PASSWORD, TOKEN,
/// SECRET, KEY): an operator who adds <c>DB_PASSWORD=...</c> to a node's .env by hand must not see it printed by Diff.
/// Every line also passes the log masker, which replaces the values of the secrets this run fetched.
/// </summary>
public static partial class EnvFileMask
{
    public static string Mask(string diff, IReadOnlyCollection<string> secretNames) =>
        string.Join('\n', diff.Split('\n').Select(line => Line(line, secretNames)));

    private static string Line(string line, IReadOnlyCollection<string> secretNames)
    {
        var match = Assignment().Match(line);
        if (!match.Success || line.StartsWith("---", StringComparison.Ordinal) || line.StartsWith("+++", StringComparison.Ordinal)) return line;
        var name = match.Groups["name"].Value;
        return secretNames.Contains(name) || SecretLike().IsMatch(name) ? $"{match.Groups["prefix"].Value}{name}=***" : line;
    }

    [GeneratedRegex(@"^(?<prefix>[-+ ]\s*(export\s+)?)(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*=")]
    private static partial Regex Assignment();

    [GeneratedRegex("PASSWORD|PASSWD|TOKEN|SECRET|KEY|CREDENTIAL", RegexOptions.IgnoreCase)]
    private static partial Regex SecretLike();
}
