using Ktrdr.Deploy.Rollout.Nodes;
using Ktrdr.Deploy.Rollout.Operations;
using Serilog;

namespace Ktrdr.Deploy.Rollout.Orchestration;

/// <summary>History (the audit history, newest last) and LockRelease (breaking a lock whose run is gone), read on the core node.</summary>
public static class LockAndHistory
{
    public static async Task PrintHistoryAsync(OperationScope scope, CancellationToken ct)
    {
        var core = await scope.Connections.ConnectAsync(scope.Core, ct);
        var entries = OperationJson.Audit((await NodeRun.RequireAsync(core, OperationCommands.ReadAudit(), ct)).StandardOutput);
        Log.Information("Audit history of {Environment} ({Count} entries, newest last, on {Core}:{File}):", scope.Env.Name, entries.Count,
            scope.Core.Name, OperationCommands.AuditFile);
        foreach (var e in entries.TakeLast(30))
            Log.Information("  {Time:yyyy-MM-dd HH:mm:ss}  {Who,-24} {Target,-14} {Nodes,-22} {Tag,-12} {Result}  {Seconds:0.0}s",
                e.Time, $"{e.User}@{e.Host}", e.Target, string.Join(",", e.Nodes), e.Tag, e.Result, e.Seconds);
    }

    public static async Task ReleaseLockAsync(OperationScope scope, CancellationToken ct)
    {
        var core = await scope.Connections.ConnectAsync(scope.Core, ct);
        var holder = OperationJson.Holder((await NodeRun.RequireAsync(core, OperationCommands.ReadHolder(), ct)).StandardOutput);
        if (holder is null)
        {
            Log.Information("The deploy lock of {Environment} is free: nothing to release", scope.Env.Name);
            return;
        }
        Log.Warning("Breaking the deploy lock of {Environment}, held by {Holder}", scope.Env.Name, holder);
        await NodeRun.RequireAsync(core, OperationCommands.Break(), ct);
    }
}
