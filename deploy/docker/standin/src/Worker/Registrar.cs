namespace Standin.Worker;

/// <summary>Builds the registration body from the worker's current state and sends it.</summary>
public sealed class Registrar(BackendClient backend, WorkerOperations operations, WorkerSettings settings, ILogger<Registrar> log)
{
    public async Task<bool> RegisterOnceAsync(CancellationToken ct)
    {
        var reports = operations.PendingReports();
        var payload = new
        {
            worker_id = settings.WorkerId,
            worker_type = settings.WorkerType,
            endpoint_url = settings.PublicBaseUrl,
            capabilities = settings.Capabilities,
            current_operation_id = operations.Current?.OperationId,
            completed_operations = reports.Values,
        };
        var (verdict, detail) = await backend.RegisterAsync(payload, ct);
        if (verdict != BackendVerdict.Accepted)
        {
            log.LogWarning("Registration of {WorkerId} at {Backend} failed: {Detail}{Why}", settings.WorkerId, settings.BackendRoot, detail,
                verdict == BackendVerdict.ShuttingDown ? " (backend is shutting down)" : "");
            return false;
        }
        operations.ReportsDelivered(reports.Keys);
        log.LogInformation("Worker registered successfully: {WorkerId} (type: {WorkerType}, endpoint: {Endpoint})",
            settings.WorkerId, settings.WorkerType, settings.PublicBaseUrl);
        return true;
    }

    /// <summary>Start-up: up to 5 attempts, waiting 1, 2, 4, 8 s in between.</summary>
    public async Task<bool> RegisterWithRetriesAsync(CancellationToken ct)
    {
        var delays = RetrySchedule.Delays(settings.Timings.RegistrationAttempts, settings.Timings.FirstRegistrationDelay);
        for (var attempt = 0; ; attempt++)
        {
            if (await RegisterOnceAsync(ct))
            {
                return true;
            }
            if (attempt >= delays.Count)
            {
                log.LogError("Failed to register after {Attempts} attempts; the registration monitor keeps checking", attempt + 1);
                return false;
            }
            await Task.Delay(delays[attempt], ct);
        }
    }

    /// <summary>Asks the backend for this worker's record and registers again when it answers 404.</summary>
    public async Task EnsureRegisteredAsync(CancellationToken ct)
    {
        var (verdict, detail) = await backend.CheckRegisteredAsync(ct);
        switch (verdict)
        {
            case BackendVerdict.NotFound:
                log.LogWarning("Worker {WorkerId} not found in the backend's registry - re-registering", settings.WorkerId);
                await RegisterOnceAsync(ct);
                break;
            case BackendVerdict.Accepted:
                break;
            default:
                log.LogWarning("Could not check the registration of {WorkerId}: {Detail}", settings.WorkerId, detail);
                break;
        }
    }
}
