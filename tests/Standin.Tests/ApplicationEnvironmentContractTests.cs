using Standin.Backend;
using Standin.Hosting;
using Standin.Tests.Support;
using Standin.Worker;

namespace Standin.Tests;

/// <summary>
/// Contract (ktrdr-contract.md, "Environment the application reads"): the stand-in reads the variables under the
/// application's names. Before issue #15 it read JWT_SECRET, DB_* only and SHARED_MOUNT_PATH, and never refused to start.
/// </summary>
public class ApplicationEnvironmentContractTests
{
    private static readonly (string, string)[] SecureSecrets =
    [
        ("KTRDR_AUTH_JWT_SECRET", new string('j', 40)),
        ("KTRDR_DB_HOST", "db"), ("KTRDR_DB_USER", "ktrdr"), ("KTRDR_DB_PASSWORD", "a-real-password"), ("KTRDR_DB_NAME", "ktrdr"),
    ];

    [Fact]
    public void The_jwt_secret_is_read_only_as_KTRDR_AUTH_JWT_SECRET()
    {
        BackendSettings.Read(Standins.Env(("JWT_SECRET", "short")));        // ignored, like the application
        Assert.Throws<StandinConfigurationException>(() => BackendSettings.Read(Standins.Env(("KTRDR_AUTH_JWT_SECRET", "short"))));
    }

    [Fact]
    public void Under_KTRDR_ENV_production_a_backend_with_default_secrets_refuses_to_start_and_says_which()
    {
        var error = Assert.Throws<StandinConfigurationException>(() =>
            BackendSettings.Read(Standins.Env(("KTRDR_ENV", "production"), ("JWT_SECRET", new string('j', 40)))));
        Assert.Contains("insecure defaults are not allowed in production", error.Message);
        Assert.Contains("KTRDR_DB_PASSWORD must be set explicitly", error.Message);
        Assert.Contains("KTRDR_AUTH_JWT_SECRET must be set explicitly", error.Message);
    }

    [Fact]
    public void A_secret_set_to_its_public_default_counts_as_default_and_only_the_default_ones_are_named()
    {
        var error = Assert.Throws<StandinConfigurationException>(() => BackendSettings.Read(Standins.Env(
            [("KTRDR_ENV", "production"), .. SecureSecrets.Where(s => s.Item1 != "KTRDR_AUTH_JWT_SECRET"), ("KTRDR_AUTH_JWT_SECRET", "insecure-dev-secret")])));
        Assert.Contains("KTRDR_AUTH_JWT_SECRET", error.Message);
        Assert.DoesNotContain("KTRDR_DB_PASSWORD", error.Message);
    }

    [Fact]
    public void Workers_check_their_secrets_at_start_too()
    {
        var error = Assert.Throws<StandinConfigurationException>(() =>
            WorkerSettings.Read(ServiceRole.TrainingWorker, Standins.Env(("KTRDR_ENV", "production"))));
        Assert.Contains("KTRDR_AUTH_JWT_SECRET", error.Message);
    }

    [Fact]
    public void With_real_secrets_production_starts_and_without_KTRDR_ENV_defaults_are_only_a_warning()
    {
        Assert.NotNull(BackendSettings.Read(Standins.Env([("KTRDR_ENV", "production"), .. SecureSecrets])).Database);
        Assert.NotNull(InsecureDefaults.Check(Standins.Env()));
        Assert.Null(InsecureDefaults.Check(Standins.Env(("KTRDR_ACKNOWLEDGE_INSECURE_DEFAULTS", "true"))));
    }

    [Fact]
    public async Task The_process_exits_non_zero_with_the_message_in_its_log()
    {
        var error = new StringWriter();
        var code = await StandinHost.RunAsync(Standins.Args("ktrdr.api.main:app", FreePort.Next()), Standins.Env(("KTRDR_ENV", "production")), error);
        Assert.NotEqual(0, code);
        Assert.Contains("insecure defaults are not allowed in production", error.ToString());
    }

    [Fact]
    public void Database_settings_read_the_current_names_and_still_the_older_ones()
    {
        Assert.Equal("PostgreSQL db:5433/k", BackendSettings.Read(Standins.Env(
            ("KTRDR_DB_HOST", "db"), ("KTRDR_DB_PORT", "5433"), ("KTRDR_DB_USER", "u"), ("KTRDR_DB_PASSWORD", "p"), ("KTRDR_DB_NAME", "k"))).Database!.ToString());
        Assert.Equal("PostgreSQL old:5432/k", BackendSettings.Read(Standins.Env(
            ("DB_HOST", "old"), ("DB_USER", "u"), ("DB_PASSWORD", "p"), ("DB_NAME", "k"))).Database!.ToString());
    }

    [Fact]
    public void Results_go_beside_the_data_directory_not_to_an_unread_mount_variable()
    {
        Assert.Equal("/mnt/ktrdr_data/results", WorkerSettings.Read(ServiceRole.BacktestingWorker, Standins.Env()).ResultsDirectory);
        Assert.Equal("/srv/x/results", WorkerSettings.Read(ServiceRole.BacktestingWorker, Standins.Env(("KTRDR_DATA_DIR", "/srv/x/data"))).ResultsDirectory);
        Assert.Equal("/srv/y/results", WorkerSettings.Read(ServiceRole.BacktestingWorker, Standins.Env(("DATA_DIR", "/srv/y/data/"))).ResultsDirectory);
    }
}
