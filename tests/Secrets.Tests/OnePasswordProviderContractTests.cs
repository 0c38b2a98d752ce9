using Ktrdr.Deploy.Secrets.OnePassword;
using Ktrdr.Deploy.Secrets.Tests.Support;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Secrets.Tests;

/// <summary>
/// The provider against a fake <c>op</c> that answers as op 2.x does (op cannot be installed here):
/// real process, real argv, real environment, op's real error wording.
/// </summary>
public sealed class OnePasswordProviderContractTests : IDisposable
{
    private readonly FakeOp op = new FakeOp().WithField("homelab", "ktrdr-core", "db_password", "p@ss w0rd\twith\"quotes'");

    [Fact]
    public async Task Reads_a_field_with_a_service_account_token_and_keeps_the_value_exact()
    {
        var value = await ReadAsync("op://homelab/ktrdr-core/db_password");

        Assert.Equal("p@ss w0rd\twith\"quotes'", value);
        Assert.Equal(["read --no-newline op://homelab/ktrdr-core/db_password"], op.Calls);
    }

    [Fact]
    public async Task The_token_reaches_op_through_its_environment_never_its_arguments()
    {
        var before = Environment.GetEnvironmentVariable(OnePasswordOptions.TokenVariable);

        // The fake is not signed in: the read succeeds only because the token arrived in its environment.
        await ReadAsync("op://homelab/ktrdr-core/db_password");

        Assert.DoesNotContain(op.Calls, call => call.Contains(FakeOp.ValidToken));
        Assert.Equal(before, Environment.GetEnvironmentVariable(OnePasswordOptions.TokenVariable));
    }

    [Fact]
    public async Task A_signed_in_cli_works_without_a_token()
    {
        op.SignedIn();

        var value = await ReadAsync("op://homelab/ktrdr-core/db_password", op.Options(token: null));

        Assert.Equal("p@ss w0rd\twith\"quotes'", value);
    }

    [Fact]
    public async Task A_missing_item_names_the_item_and_vault()
    {
        var error = await FailureAsync("op://homelab/ktrdr-workers/db_password");

        Assert.Equal("1Password has no item \"ktrdr-workers\" in vault \"homelab\"", error.Problem);
        Assert.StartsWith("create the item in vault \"homelab\" or correct the reference", error.Remedy);
    }

    [Fact]
    public async Task A_missing_field_names_the_field_and_item()
    {
        var error = await FailureAsync("op://homelab/ktrdr-core/jwt_secret");

        Assert.Equal("1Password item \"ktrdr-core\" in vault \"homelab\" has no field \"jwt_secret\"", error.Problem);
        Assert.StartsWith("add a field labelled \"jwt_secret\" to the item", error.Remedy);
    }

    [Fact]
    public async Task A_missing_vault_names_the_vault()
    {
        var error = await FailureAsync("op://lab/ktrdr-core/db_password");

        Assert.Equal("1Password has no vault \"lab\" (or the account cannot see it)", error.Problem);
    }

    [Fact]
    public async Task Not_signed_in_and_no_token_says_how_to_authenticate()
    {
        var error = await FailureAsync("op://homelab/ktrdr-core/db_password", op.Options(token: null));

        Assert.Equal("the 1Password CLI is not signed in and no service-account token was given", error.Problem);
        Assert.Equal("set OP_SERVICE_ACCOUNT_TOKEN to a 1Password service-account token, or sign in with: eval $(op signin)", error.Remedy);
    }

    [Theory]
    [InlineData("not-a-service-account-token")]
    [InlineData("ops_revoked")]
    public async Task A_malformed_or_revoked_token_is_reported_as_rejected(string token)
    {
        op.Revoked("ops_revoked");

        var error = await FailureAsync("op://homelab/ktrdr-core/db_password", op.Options(token));

        Assert.StartsWith("1Password rejected the service-account token in OP_SERVICE_ACCOUNT_TOKEN", error.Problem);
        Assert.DoesNotContain(token, error.Message);
    }

    [Fact]
    public async Task Op_not_installed_says_to_install_it_or_use_other_references()
    {
        var options = new OnePasswordOptions { Executable = Path.Combine(Path.GetTempPath(), $"no-op-{Guid.NewGuid():N}", "op") };

        var error = await FailureAsync("op://homelab/ktrdr-core/db_password", options);

        Assert.StartsWith($"the 1Password CLI \"{options.Executable}\" could not be started", error.Problem);
        Assert.Equal("install the 1Password CLI (op) or use env:/file: references", error.Remedy);
    }

    [Fact]
    public async Task Op_that_does_not_answer_in_time_is_stopped_with_advice()
    {
        op.Hanging();

        var error = await FailureAsync("op://homelab/ktrdr-core/db_password", op.Options(timeout: TimeSpan.FromSeconds(1)));

        Assert.Equal("op read did not finish within 1 seconds and was stopped", error.Problem);
        Assert.StartsWith("unlock 1Password or approve its prompt", error.Remedy);
    }

    private Task<string> ReadAsync(string locator, OnePasswordOptions? options = null) =>
        new OnePasswordProvider(options ?? op.Options())
            .ReadAsync(new SecretReference("DB_PASSWORD", SecretProvider.OnePassword, locator), CancellationToken.None);

    private Task<SecretReadException> FailureAsync(string locator, OnePasswordOptions? options = null) =>
        Assert.ThrowsAsync<SecretReadException>(() => ReadAsync(locator, options));

    public void Dispose() => op.Dispose();
}
