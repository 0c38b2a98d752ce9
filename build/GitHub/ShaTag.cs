using System.Text.RegularExpressions;

namespace Ktrdr.Deploy.GitHub;

/// <summary>The image tag CI gives a commit: <c>sha-</c> and the first 7 hex digits of its sha, lower case.</summary>
public static partial class ShaTag
{
    /// <summary>The tag for <paramref name="sha"/>, or null when it is not a commit sha (7 to 64 hex digits).</summary>
    public static string? From(string? sha) =>
        sha is not null && HexSha().IsMatch(sha) ? "sha-" + sha[..7].ToLowerInvariant() : null;

    [GeneratedRegex("^[0-9a-fA-F]{7,64}$")]
    private static partial Regex HexSha();
}
