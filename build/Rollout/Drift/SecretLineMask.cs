using System.Text.RegularExpressions;
using static Ktrdr.Deploy.Remote.Execution.ShellQuote;

namespace Ktrdr.Deploy.Rollout.Drift;

/// <summary>
/// Hides the value of every assignment to a declared secret or to a variable named like one (PASSWORD, TOKEN, SECRET,
/// KEY, ...): <c>NAME=value</c> and <c>export NAME=value</c> (.env), <c>- NAME=value</c> and <c>NAME: value</c> (compose
/// files); a value that only refers to a variable (<c>${DB_PASSWORD}</c>) is no secret and stays. An operator who
/// pastes <c>DB_PASSWORD=...</c> into a node's file by hand sees it neither in Diff (<see cref="Mask"/>, over a diff's
/// lines) nor at rest in the drifted copy the deploy keeps (<see cref="Scrub"/>, run on the node). Every printed line
/// also passes the log masker, which hides the values of the secrets this run fetched.
/// </summary>
public static partial class SecretLineMask
{
    /// <summary>What a variable named like a secret contains (case-insensitive), in the syntax .NET and awk share.</summary>
    public const string SecretLikeNames = "PASSWORD|PASSWD|TOKEN|SECRET|KEY|CREDENTIAL";

    public const string Masked = "***";

    /// <summary>A unified diff with the values of its secret assignments masked (its <c>---</c>/<c>+++</c> header lines kept).</summary>
    public static string Mask(string diff, IReadOnlyCollection<string> secretNames) =>
        string.Join('\n', diff.Split('\n').Select(line => Line(line, secretNames)));

    /// <summary>
    /// Masks, in place, the secret assignments of every .env and YAML file under <paramref name="directory"/> on a node
    /// (a shell fragment; the names are no secrets, so they may be in the command line). A file without one is not rewritten.
    /// </summary>
    public static string Scrub(string directory, IReadOnlyCollection<string> secretNames) =>
        $"find {directory} -type f \\( -name '*.env' -o -name '*.yml' -o -name '*.yaml' \\) | while IFS= read -r f; do " +
        $"s=0; awk -v names={Quote(string.Join(' ', secretNames.Order(StringComparer.Ordinal)))} {Quote(AwkProgram)} \"$f\" > \"$f.scrub\" || s=$?; " +
        "if [ $s -eq 0 ]; then cat \"$f.scrub\" > \"$f\"; fi; rm -f \"$f.scrub\"; [ $s -eq 0 ] || [ $s -eq 3 ] || exit $s; done";

    private const string AwkProgram =
        "BEGIN { n = split(names, list, \" \"); for (i = 1; i <= n; i++) secret[list[i]] = 1 } " +
        "{ if (match($0, /^[ \\t]*(-[ \\t]*)?(export[ \\t]+)?[A-Za-z_][A-Za-z0-9_]*[ \\t]*[:=][ \\t]*/)) { " +
        "head = substr($0, 1, RLENGTH); value = substr($0, RLENGTH + 1); name = head; " +
        "sub(/^[ \\t]*(-[ \\t]*)?(export[ \\t]+)?/, \"\", name); sub(/[ \\t]*[:=][ \\t]*$/, \"\", name); " +
        "if (value !~ /^[ \\t]*$/ && value !~ /^\"?\\$\\{[^}]*\\}\"?[ \\t]*$/ && ((name in secret) || toupper(name) ~ /" + SecretLikeNames + "/)) " +
        "{ print head \"" + Masked + "\"; masked = 1; next } } print } END { if (!masked) exit 3 }";

    private static string Line(string line, IReadOnlyCollection<string> secretNames)
    {
        if (line.StartsWith("---", StringComparison.Ordinal) || line.StartsWith("+++", StringComparison.Ordinal)) return line;
        var match = Assignment().Match(line);
        if (!match.Success) return line;
        var name = match.Groups["name"].Value;
        var value = match.Groups["value"].Value;
        var secret = secretNames.Contains(name) || SecretLike().IsMatch(name);
        return secret && value.Trim().Length > 0 && !Reference().IsMatch(value) ? $"{match.Groups["head"].Value}{Masked}" : line;
    }

    [GeneratedRegex(@"^(?<head>[-+ ][ \t]*(-[ \t]*)?(export[ \t]+)?(?<name>[A-Za-z_][A-Za-z0-9_]*)[ \t]*[:=][ \t]*)(?<value>.*)$")]
    private static partial Regex Assignment();

    [GeneratedRegex(SecretLikeNames, RegexOptions.IgnoreCase)]
    private static partial Regex SecretLike();

    [GeneratedRegex(@"^""?\$\{[^}]*\}""?[ \t]*$")]
    private static partial Regex Reference();
}
