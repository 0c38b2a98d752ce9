using System.Diagnostics;
using Ktrdr.Deploy.Remote;
using Ktrdr.Deploy.Rollout.Nodes;
using Ktrdr.Deploy.Rollout.Operations;
using Serilog;

namespace Ktrdr.Deploy.Rollout.Orchestration;

/// <summary>
/// One deploy at a time per environment: a lock on the core node naming its holder. Taken at once, or after waiting up to
/// the scope's lock wait (CI jobs queue instead of failing); a stale lock of this host is taken over, said so in the log
/// and the audit; still held after the wait: the run stops naming the holder, before anything is touched.
/// </summary>
public static class DeployLock
{
    public static async Task AcquireAsync(ICommandExecutor core, OperationScope scope, LockHolder holder, CancellationToken ct)
    {
        var waited = Stopwatch.StartNew();
        LockHolder? announced = null;
        while (true)
        {
            var (acquired, other) = OperationCommands.ParseAcquire(await NodeRun.RequireAsync(core, OperationCommands.Acquire(holder), ct));
            if (acquired)
            {
                if (announced is not null) Log.Information("Took the deploy lock of {Environment} after waiting {Seconds:0} s", scope.Env.Name, waited.Elapsed.TotalSeconds);
                return;
            }
            if (StaleLock.Reason(other, scope.Operator.Host, scope.ProcessIsAlive) is { } stale)
            {
                Log.Warning("Taking over the deploy lock of {Environment}: {Reason}", scope.Env.Name, stale);
                await AuditTrail.RecordAsync(core, scope, AuditTrail.Entry(scope, "LockTakeover", [], "", new Dictionary<string, string>(),
                    $"took over a stale lock: {stale}", TimeSpan.Zero));
                await NodeRun.RequireAsync(core, OperationCommands.Release(other!.Id), ct);
                continue;
            }
            if (waited.Elapsed >= scope.LockWait)
                throw new RolloutException($"another deploy holds the lock of {scope.Env.Name}: {other?.ToString() ?? "(holder unreadable)"}. " +
                                           (scope.LockWait > TimeSpan.Zero ? $"Waited {scope.LockWait.TotalSeconds:0} s (--lock-wait). " : "") +
                                           "Wait for it to finish (or give --lock-wait 10m to queue behind it); if that run is gone, ./build.sh LockRelease breaks the lock.");
            if (announced is null || announced.Id != other?.Id)
                Log.Information("Waiting up to {Seconds:0} s for the deploy lock of {Environment}, held by {Holder}", scope.LockWait.TotalSeconds, scope.Env.Name,
                    (object?)other ?? "(holder unreadable)");
            announced = other ?? holder;
            await Task.Delay(scope.LockPoll, ct);
        }
    }
}
