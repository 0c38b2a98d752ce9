using Standin.Backend;
using Standin.Hosting;
using Standin.Tests.Support;
using Standin.Worker;

namespace Standin.Tests;

public class SettingsTests
{
    [Fact]
    public void A_bad_interval_names_the_variable_its_value_and_the_expected_form()
    {
        var error = Assert.Throws<StandinConfigurationException>(() =>
            BackendSettings.Read(Standins.Env(("KTRDR_WORKER_HEALTH_CHECK_INTERVAL", "10s"))));

        Assert.Contains("KTRDR_WORKER_HEALTH_CHECK_INTERVAL='10s' is not a number of seconds", error.Message);
        Assert.Contains("such as 10", error.Message);
    }

    [Fact]
    public void A_partial_database_configuration_is_an_error_that_never_shows_the_password()
    {
        var error = Assert.Throws<StandinConfigurationException>(() =>
            BackendSettings.Read(Standins.Env(("KTRDR_DB_HOST", "db"), ("DB_PASSWORD", "s3cret-value"))));

        Assert.Contains("KTRDR_DB_HOST, KTRDR_DB_PASSWORD set but KTRDR_DB_USER, KTRDR_DB_NAME not", error.Message);
        Assert.DoesNotContain("s3cret-value", error.Message);
    }

    [Fact]
    public void Without_database_variables_the_backend_keeps_operations_in_memory()
    {
        Assert.Null(BackendSettings.Read(Standins.Env()).Database);
    }

    [Theory]
    [InlineData("prod")]
    [InlineData("Production")]
    public void Only_the_three_api_environments_start_the_application(string value)
    {
        var error = Assert.Throws<StandinConfigurationException>(() =>
            WorkerSettings.Read(ServiceRole.BacktestingWorker, Standins.Env(("KTRDR_API_ENVIRONMENT", value))));

        Assert.Contains($"KTRDR_API_ENVIRONMENT='{value}' is not allowed: expected one of development, staging, production", error.Message);
    }

    [Fact]
    public void A_short_jwt_secret_stops_the_backend_without_being_printed()
    {
        var error = Assert.Throws<StandinConfigurationException>(() =>
            BackendSettings.Read(Standins.Env(("KTRDR_AUTH_JWT_SECRET", "too-short-secret"))));

        Assert.Contains("KTRDR_AUTH_JWT_SECRET is 16 characters long: at least 32 are required", error.Message);
        Assert.DoesNotContain("too-short-secret", error.Message);
    }

    [Fact]
    public void Worker_settings_prefer_current_names_and_fall_back_to_the_old_ones()
    {
        var current = WorkerSettings.Read(ServiceRole.TrainingWorker, Standins.Env(
            ("KTRDR_API_CLIENT_BASE_URL", "http://core.lab:8000/api/v1/"), ("KTRDR_API_URL", "http://old:8000"),
            ("KTRDR_WORKER_PUBLIC_BASE_URL", "http://workers-b.lab:5005"), ("WORKER_PUBLIC_BASE_URL", "http://old:1"),
            ("KTRDR_WORKER_ID", "workers-b-training-1")));
        var old = WorkerSettings.Read(ServiceRole.BacktestingWorker, Standins.Env(
            ("KTRDR_API_URL", "http://old:8000"), ("WORKER_PUBLIC_BASE_URL", "http://old:5003")));

        Assert.Equal(("http://core.lab:8000", "http://workers-b.lab:5005", "workers-b-training-1"),
            (current.BackendRoot, current.PublicBaseUrl, current.WorkerId));
        Assert.Equal(("http://old:8000", "http://old:5003"), (old.BackendRoot, old.PublicBaseUrl));
    }

    [Fact]
    public void Without_a_worker_id_every_start_invents_a_new_one()
    {
        var first = WorkerSettings.Read(ServiceRole.BacktestingWorker, Standins.Env()).WorkerId;
        var second = WorkerSettings.Read(ServiceRole.BacktestingWorker, Standins.Env()).WorkerId;

        Assert.Matches("^backtesting-worker-[0-9a-f]{8}$", first);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Without_a_public_url_the_worker_is_reached_by_hostname_and_worker_port()
    {
        var settings = WorkerSettings.Read(ServiceRole.BacktestingWorker, Standins.Env(("KTRDR_WORKER_PORT", "5007")));

        Assert.Equal($"http://{System.Net.Dns.GetHostName()}:5007", settings.PublicBaseUrl);
    }

    [Theory]
    [InlineData(null, false, 0)]
    [InlineData("", false, 0)]
    [InlineData("void", false, 0)]
    [InlineData("none", false, 0)]
    [InlineData("all", true, 1)]
    [InlineData("0,1", true, 2)]
    public void A_training_worker_has_a_simulated_gpu_when_nvidia_devices_are_visible(string? visible, bool gpu, int count)
    {
        var detection = GpuDetection.From(visible);

        Assert.Equal((gpu, count), (detection.HasGpu, detection.Count));
        Assert.Equal(gpu ? "CUDA" : null, detection.Capabilities.GetValueOrDefault("gpu_type"));
        Assert.StartsWith(gpu ? "GPU: simulated" : "GPU: none", detection.LogLine);
    }

    [Fact]
    public void Start_up_registration_waits_one_two_four_eight_seconds_between_five_attempts()
    {
        var delays = RetrySchedule.Delays(5, TimeSpan.FromSeconds(1));

        Assert.Equal([1, 2, 4, 8], delays.Select(d => d.TotalSeconds));
    }
}
