using System.Reflection;
using Standin.Backend.Operations;
using Standin.Backend.Workers;
using Standin.Hosting;

namespace Standin.Backend;

/// <summary>Everything the backend role reads from its environment, validated before it starts.</summary>
public sealed record BackendSettings(
    string Version,
    HealthCheckSettings HealthChecks,
    DatabaseSettings? Database,
    TimeSpan ShutdownGrace)
{
    public const int MinimumJwtSecretLength = 32;

    public static BackendSettings Read(StandinEnvironment env)
    {
        ApplicationEnvironment.Read(env);
        var jwtLength = env.Get(InsecureDefaults.JwtSecret)?.Length;
        if (jwtLength is { } length && length < MinimumJwtSecretLength)
        {
            throw new StandinConfigurationException(
                $"environment variable {InsecureDefaults.JwtSecret} is {length} characters long: at least {MinimumJwtSecretLength} are required.");
        }
        var healthChecks = new HealthCheckSettings(
            env.GetSeconds("KTRDR_WORKER_HEALTH_CHECK_INTERVAL", 10),
            env.GetSeconds("KTRDR_WORKER_HEALTH_CHECK_TIMEOUT", 5),
            env.GetCount("KTRDR_WORKER_HEALTH_CHECK_FAILURES", 3),
            env.GetSeconds("KTRDR_WORKER_REMOVAL_THRESHOLD", 300));
        return new BackendSettings(
            env.Get("KTRDR_VERSION") ?? AssemblyVersion(),
            healthChecks,
            DatabaseSettings.Read(env),
            env.Get("KTRDR_STANDIN_SHUTDOWN_GRACE_SECONDS") is null ? TimeSpan.Zero : env.GetSeconds("KTRDR_STANDIN_SHUTDOWN_GRACE_SECONDS", 1));
    }

    private static string AssemblyVersion()
    {
        var informational = typeof(BackendSettings).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return informational?.Split('+')[0] ?? "0.0.0";
    }
}
