using System.Text.RegularExpressions;

namespace Ktrdr.Deploy.Secrets.OnePassword;

/// <summary>
/// Turns what <c>op read</c> wrote on standard error into a message for a person. Pure: text in, error out.
/// </summary>
/// <remarks>
/// Matched against op 2.x's real wording, as found in public reports (every line starts with
/// <c>[ERROR] yyyy/MM/dd HH:mm:ss </c>):
/// <list type="bullet">
/// <item>missing item (op 2.39.0, recorded verbatim in a public test suite; also 1Password/load-secrets-action usage):
///   <c>could not read secret 'op://V/nope/password': could not get item V/nope: "nope" isn't an item in the "V" vault.
///   Specify the item with its UUID, name, or domain.</c>; older form <c>"x" isn't an item in any vault.</c>
///   (alfredapp/1password-workflow#53).</item>
/// <item>missing field (op 2.39.0, same suite): <c>could not read secret 'op://V/engagement/nope': item 'V/engagement'
///   does not have a field 'nope'</c>. "isn't a field" is matched too, for other versions' wording.</item>
/// <item>missing vault: <c>could not read secret 'op://...': "vault" isn't a vault in this account</c>.</item>
/// <item>not signed in: <c>You are not currently signed in. Please run `op signin --help` for instructions</c>
///   (basecamp/kamal#930; for op read prefixed by <c>could not read secret '...': error initializing client: </c>),
///   <c>[ERROR] account is not signed in</c> (1Password/op-js#227) and
///   <c>could not find session token for account my</c>.</item>
/// <item>invalid token: <c>(401) Unauthorized: You aren't authorized to perform this action.</c> (revoked or wrong
///   token) and, for a malformed one, <c>could not read secret 'op://...': error initializing client: Validation:
///   (failed to session.DecodeSACredentials), Server: (failed to DecodeSACredentials), failed to parseToken, format is
///   invalid</c> (1Password/load-secrets-action#74).</item>
/// <item>no access: <c>(403) Forbidden: You aren't authorized to access this resource.</c></item>
/// </list>
/// The form <c>could not find item missing in vault vault</c> was not found in any op 2.x report, so it is not relied on.
/// Anything else is reported with op's own words (without the timestamp), bounded in length.
/// </remarks>
public static partial class OnePasswordErrors
{
    public const string InstallRemedy = "install the 1Password CLI (op) or use env:/file: references";
    private const int MaxQuotedLength = 400;

    private static readonly string SignInRemedy =
        $"set {OnePasswordOptions.TokenVariable} to a 1Password service-account token, or sign in with: eval $(op signin)";

    private static readonly (string[] Markers, Func<OnePasswordReference, SecretReadException> Error)[] Rules =
    [
        (["isn't a vault"], r => new(
            $"1Password has no vault \"{r.Vault}\" (or the account cannot see it)",
            $"create the vault or correct the reference under secrets: in topology.yml")),
        (["isn't an item"], r => new(
            $"1Password has no item \"{r.Item}\" in vault \"{r.Vault}\"",
            $"create the item in vault \"{r.Vault}\" or correct the reference under secrets: in topology.yml")),
        (["does not have a field", "isn't a field"], r => new(
            $"1Password item \"{r.Item}\" in vault \"{r.Vault}\" has no field \"{r.Field}\"",
            $"add a field labelled \"{r.Field}\" to the item or correct the reference under secrets: in topology.yml")),
        (["not currently signed in", "account is not signed in", "could not find session token"], _ => new(
            "the 1Password CLI is not signed in and no service-account token was given",
            SignInRemedy)),
        (["(401) Unauthorized", "DecodeSACredentials", "failed to parseToken"], _ => new(
            $"1Password rejected the service-account token in {OnePasswordOptions.TokenVariable} (invalid, malformed or revoked)",
            $"replace {OnePasswordOptions.TokenVariable} with a valid token (it starts with ops_), or unset it and sign in with: eval $(op signin)")),
        (["(403) Forbidden"], r => new(
            $"the 1Password account is not allowed to read vault \"{r.Vault}\"",
            $"grant the service account read access to vault \"{r.Vault}\"")),
    ];

    /// <summary>The error for a failed <c>op read</c> of <paramref name="locator"/>.</summary>
    public static SecretReadException Classify(string standardError, int exitCode, string locator)
    {
        var reference = OnePasswordReference.Parse(locator);
        foreach (var (markers, error) in Rules)
            if (markers.Any(m => standardError.Contains(m, StringComparison.OrdinalIgnoreCase)))
                return error(reference);
        return new SecretReadException(
            $"op read failed with exit code {exitCode}: {Quote(standardError)}",
            $"run op read {locator} yourself to see what 1Password says");
    }

    /// <summary>op could not be started at all.</summary>
    public static SecretReadException NotInstalled(string executable, Exception cause) =>
        new($"the 1Password CLI \"{executable}\" could not be started ({cause.Message})", InstallRemedy, cause);

    /// <summary>op did not answer in time (often: waiting on a desktop-app prompt nobody sees).</summary>
    public static SecretReadException TimedOut(TimeSpan timeout) =>
        new($"op read did not finish within {timeout.TotalSeconds:0} seconds and was stopped",
            $"unlock 1Password or approve its prompt, or use a service-account token in {OnePasswordOptions.TokenVariable}");

    private static string Quote(string standardError)
    {
        var text = TimestampPrefix().Replace(standardError, "").Trim();
        if (text.Length == 0)
            return "(op printed nothing)";
        return text.Length <= MaxQuotedLength ? text : text[..MaxQuotedLength] + "…";
    }

    [GeneratedRegex(@"\[ERROR\] (\d{4}/\d{2}/\d{2} \d{2}:\d{2}:\d{2} )?")]
    private static partial Regex TimestampPrefix();
}
