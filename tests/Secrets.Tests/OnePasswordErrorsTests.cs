using Ktrdr.Deploy.Secrets.OnePassword;

namespace Ktrdr.Deploy.Secrets.Tests;

/// <summary>The classification of op 2.x's real error lines (as recorded in public reports; see OnePasswordErrors).</summary>
public sealed class OnePasswordErrorsTests
{
    private const string Reference = "op://homelab/ktrdr-core/db_password";

    [Theory]
    [InlineData("[ERROR] 2025/10/03 07:24:46 could not read secret 'op://homelab/ktrdr-core/db_password': could not get item homelab/ktrdr-core: \"ktrdr-core\" isn't an item in the \"homelab\" vault. Specify the item with its UUID, name, or domain.",
        "1Password has no item \"ktrdr-core\" in vault \"homelab\"")]
    [InlineData("[ERROR] 2023/04/24 13:55:55 \"qbw7cz35hurhj5zhwzglwd6uku\" isn't an item in any vault.",
        "1Password has no item \"ktrdr-core\" in vault \"homelab\"")]
    [InlineData("[ERROR] could not read secret 'op://homelab/ktrdr-core/db_password': item 'homelab/ktrdr-core' does not have a field 'db_password'",
        "1Password item \"ktrdr-core\" in vault \"homelab\" has no field \"db_password\"")]
    [InlineData("[ERROR] could not read secret 'op://homelab/ktrdr-core/db_password': \"homelab\" isn't a vault in this account",
        "1Password has no vault \"homelab\" (or the account cannot see it)")]
    [InlineData("[ERROR] 2024/09/11 11:57:08 You are not currently signed in. Please run `op signin --help` for instructions",
        "the 1Password CLI is not signed in and no service-account token was given")]
    [InlineData("[ERROR] account is not signed in",
        "the 1Password CLI is not signed in and no service-account token was given")]
    [InlineData("[ERROR] could not find session token for account my",
        "the 1Password CLI is not signed in and no service-account token was given")]
    [InlineData("[ERROR] 2025/01/04 14:41:14 (401) Unauthorized: You aren't authorized to perform this action.",
        "1Password rejected the service-account token in OP_SERVICE_ACCOUNT_TOKEN (invalid, malformed or revoked)")]
    [InlineData("Error: could not read secret 'op://Test-SDK/TestLogin/username': error initializing client: Validation: (failed to session.DecodeSACredentials), Server: (failed to DecodeSACredentials), failed to parseToken, format is invalid",
        "1Password rejected the service-account token in OP_SERVICE_ACCOUNT_TOKEN (invalid, malformed or revoked)")]
    [InlineData("[ERROR] (403) Forbidden: You aren't authorized to access this resource.",
        "the 1Password account is not allowed to read vault \"homelab\"")]
    public void Each_real_op_error_maps_to_its_own_problem(string standardError, string problem)
    {
        var error = OnePasswordErrors.Classify(standardError, 1, Reference);

        Assert.Equal(problem, error.Problem);
    }

    [Fact]
    public void An_unknown_error_is_reported_in_ops_own_words_without_the_timestamp_and_bounded()
    {
        var error = OnePasswordErrors.Classify(
            "[ERROR] 2026/01/01 12:00:00 something new in op 3: " + new string('z', 1000), 1, Reference);

        Assert.StartsWith("op read failed with exit code 1: something new in op 3: zzz", error.Problem);
        Assert.EndsWith("…", error.Problem);
        Assert.True(error.Problem.Length < 500, "the quoted text is cut");
        Assert.Equal($"run op read {Reference} yourself to see what 1Password says", error.Remedy);
    }
}
