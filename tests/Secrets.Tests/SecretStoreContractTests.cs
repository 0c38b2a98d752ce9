using Ktrdr.Deploy.Secrets.Tests.Support;

namespace Ktrdr.Deploy.Secrets.Tests;

/// <summary>SecretStore with all three providers, 1Password through a fake op 2.x (op cannot be installed here).</summary>
public sealed class SecretStoreContractTests : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const string DbPassword = "db-password-value-9f3k";
    private const string Jwt = "jwt-value-0123456789abcdefghijklmnopq";
    private const string ShortJwt = "short-jwt-value";
    private const string FileValue = "grafana-value-in-open-file";
    private readonly TempDirectory root = new();
    private readonly string variable = $"KTRDR_SECRETS_CONTRACT_{Guid.NewGuid():N}";
    private readonly FakeOp op = new FakeOp()
        .WithField("homelab", "ktrdr-core", "db_user", "ktrdr")
        .WithField("homelab", "ktrdr-core", "db_password", DbPassword)
        .WithField("homelab", "ktrdr-core", "jwt_secret", Jwt)
        .WithField("homelab", "ktrdr-core", "short_jwt", ShortJwt);

    [Fact]
    public async Task Every_failure_is_reported_together_naming_each_secret_and_reference()
    {
        root.WriteFile("secrets/grafana", FileValue, OwnerOnly | UnixFileMode.OtherRead);
        var environment = Topologies.WithSecrets(
            ("DB_USER", $"env:{variable}"),
            ("DB_PASSWORD", "op://homelab/ktrdr-workers/db_password"),
            ("JWT_SECRET", "op://homelab/ktrdr-core/short_jwt"),
            ("GF_ADMIN_PASSWORD", "file:secrets/grafana"));

        var error = await FailAsync(environment, "DB_USER", "DB_PASSWORD", "JWT_SECRET", "GF_ADMIN_PASSWORD", "GHCR_TOKEN");

        Assert.Equal(["DB_USER", "DB_PASSWORD", "JWT_SECRET", "GF_ADMIN_PASSWORD", "GHCR_TOKEN"], error.Failures.Select(f => f.Name));
        Assert.StartsWith("5 secrets are unavailable; nothing was deployed and no node was touched:", error.Message);
        Assert.Contains($"DB_USER (env:{variable}): environment variable {variable} is not set", error.Message);
        Assert.Contains("DB_PASSWORD (op://homelab/ktrdr-workers/db_password): 1Password has no item \"ktrdr-workers\"", error.Message);
        Assert.Contains("JWT_SECRET (op://homelab/ktrdr-core/short_jwt): JWT_SECRET is shorter than 32 characters", error.Message);
        Assert.Contains("GF_ADMIN_PASSWORD (file:secrets/grafana): file ", error.Message);
        Assert.Contains("GHCR_TOKEN (not declared)", error.Message);
    }

    [Fact]
    public async Task No_secret_value_appears_in_any_exception_message()
    {
        root.WriteFile("secrets/grafana", FileValue, OwnerOnly | UnixFileMode.GroupRead);
        var environment = Topologies.WithSecrets(
            ("DB_USER", "op://homelab/ktrdr-core/db_user"),
            ("DB_PASSWORD", "op://homelab/ktrdr-core/db_password"),
            ("JWT_SECRET", "op://homelab/ktrdr-core/short_jwt"),
            ("GF_ADMIN_PASSWORD", "file:secrets/grafana"),
            ("GHCR_TOKEN", "op://homelab/ktrdr-core/ghcr_token"));

        var error = await FailAsync(environment, "DB_USER", "DB_PASSWORD", "JWT_SECRET", "GF_ADMIN_PASSWORD", "GHCR_TOKEN");

        Assert.Equal(3, error.Failures.Count);
        foreach (var value in new[] { DbPassword, Jwt, ShortJwt, FileValue, FakeOp.ValidToken })
        {
            Assert.DoesNotContain(value, error.Message);
            Assert.DoesNotContain(value, error.ToString());
        }
    }

    [Fact]
    public async Task Each_name_is_fetched_once_per_run_however_often_it_is_asked_for()
    {
        var environment = Topologies.WithSecrets(
            ("DB_USER", "op://homelab/ktrdr-core/db_user"), ("DB_PASSWORD", "op://homelab/ktrdr-core/db_password"));
        var store = new SecretStore(op.Options());

        var first = await store.FetchAsync(environment, ["DB_USER", "DB_PASSWORD", "DB_USER"], root.Path);
        var second = await store.FetchAsync(environment, ["DB_PASSWORD"], root.Path);

        Assert.Equal(2, op.Calls.Count);
        Assert.Equal(["DB_PASSWORD", "DB_USER"], first.Names);
        Assert.Equal(DbPassword, second["DB_PASSWORD"]);
        Assert.Equal(["DB_PASSWORD"], second.Names);
    }

    [Fact]
    public async Task Reads_from_1Password_run_concurrently()
    {
        op.Barrier(3);
        var environment = Topologies.WithSecrets(
            ("DB_USER", "op://homelab/ktrdr-core/db_user"),
            ("DB_PASSWORD", "op://homelab/ktrdr-core/db_password"),
            ("JWT_SECRET", "op://homelab/ktrdr-core/jwt_secret"));

        var set = await new SecretStore(op.Options(maxConcurrentReads: 3))
            .FetchAsync(environment, ["DB_USER", "DB_PASSWORD", "JWT_SECRET"], root.Path);

        Assert.Equal(Jwt, set["JWT_SECRET"]);
        Assert.Equal(3, op.Calls.Count);
    }

    private Task<SecretsUnavailableException> FailAsync(Topology.EnvironmentTopology environment, params string[] names) =>
        Assert.ThrowsAsync<SecretsUnavailableException>(
            () => new SecretStore(op.Options()).FetchAsync(environment, names, root.Path));

    public void Dispose()
    {
        op.Dispose();
        root.Dispose();
    }
}
