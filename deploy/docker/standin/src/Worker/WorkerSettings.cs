using System.Net;
using Standin.Hosting;

namespace Standin.Worker;

/// <summary>How often a worker retries and checks (the real values by default; tests shorten them).</summary>
public sealed record WorkerTimings(
    int RegistrationAttempts,
    TimeSpan FirstRegistrationDelay,
    TimeSpan RegistrationCheckInterval,
    TimeSpan HealthSilence,
    TimeSpan ReconnectInterval,
    TimeSpan ReconnectDuration);

/// <summary>Everything a worker role reads from its environment (current KTRDR_* names first, then the old ones).</summary>
public sealed record WorkerSettings(
    string WorkerType,
    string OperationType,
    string WorkerId,
    string BackendRoot,
    string PublicBaseUrl,
    GpuDetection? Gpu,
    string ResultsDirectory,
    bool FailHealth,
    TimeSpan OperationDuration,
    WorkerTimings Timings)
{
    public string ServiceName => $"{WorkerType}-worker";

    public IReadOnlyDictionary<string, object?> Capabilities => Gpu?.Capabilities ?? new Dictionary<string, object?>();

    public static WorkerSettings Read(ServiceRole role, StandinEnvironment env)
    {
        ApplicationEnvironment.Read(env);
        var training = role == ServiceRole.TrainingWorker;
        var workerType = training ? "training" : "backtesting";
        var port = env.Get("KTRDR_WORKER_PORT") is null ? env.GetCount("WORKER_PORT", 5003) : env.GetCount("KTRDR_WORKER_PORT", 5003);
        var timings = new WorkerTimings(
            5,
            env.GetSeconds("KTRDR_STANDIN_REGISTRATION_FIRST_DELAY_SECONDS", 1),
            env.GetSeconds("KTRDR_STANDIN_REGISTRATION_CHECK_SECONDS", 10),
            env.GetSeconds("KTRDR_STANDIN_HEALTH_SILENCE_SECONDS", 30),
            env.GetSeconds("KTRDR_STANDIN_RECONNECT_INTERVAL_SECONDS", 2),
            env.GetSeconds("KTRDR_STANDIN_RECONNECT_DURATION_SECONDS", 120));
        return new WorkerSettings(
            workerType,
            training ? Backend.Operations.OperationType.Training : Backend.Operations.OperationType.Backtesting,
            env.GetFirst("KTRDR_WORKER_ID", "WORKER_ID") ?? $"{workerType}-worker-{Guid.NewGuid().ToString("N")[..8]}",
            BackendRootOf(env),
            env.GetFirst("KTRDR_WORKER_PUBLIC_BASE_URL", "WORKER_PUBLIC_BASE_URL") ?? $"http://{Dns.GetHostName()}:{port}",
            training ? GpuDetection.From(env.Get(GpuDetection.Variable)) : null,
            ResultsDirectoryOf(env),
            env.GetFlag("KTRDR_STANDIN_FAIL_HEALTH"),
            env.GetSeconds("KTRDR_STANDIN_OPERATION_SECONDS", 5),
            timings);
    }

    /// <summary>Results sit beside the data directory (KTRDR_DATA_DIR, older DATA_DIR): /mnt/ktrdr_data/data → /mnt/ktrdr_data/results.</summary>
    private static string ResultsDirectoryOf(StandinEnvironment env) =>
        Path.Combine(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(env.GetFirst("KTRDR_DATA_DIR", "DATA_DIR") ?? "/mnt/ktrdr_data/data")) ?? "/", "results");

    /// <summary>
    /// The backend's root URL. KTRDR_API_CLIENT_BASE_URL is written with /api/v1 (http://backend:8000/api/v1),
    /// the old KTRDR_API_URL without it; both lead to the same routes.
    /// </summary>
    private static string BackendRootOf(StandinEnvironment env)
    {
        var name = env.Get("KTRDR_API_CLIENT_BASE_URL") is null ? "KTRDR_API_URL" : "KTRDR_API_CLIENT_BASE_URL";
        var raw = env.Get(name) ?? "http://backend:8000";
        if (!Uri.TryCreate(raw, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new StandinConfigurationException(
                $"environment variable {name}='{raw}' is not an http(s) URL: expected e.g. http://backend.example:8000/api/v1.");
        }
        var root = raw.TrimEnd('/');
        return root.EndsWith("/api/v1", StringComparison.Ordinal) ? root[..^"/api/v1".Length] : root;
    }
}
