using Ktrdr.Deploy.Rollout.Backup;
using Ktrdr.Deploy.Rollout.Nodes;
using Serilog;

namespace Ktrdr.Deploy.Rollout.Orchestration;

/// <summary>Backup and RestoreBackup on the core node, into and out of the shared tree's db-backups/.</summary>
public static class DatabaseBackups
{
    public static async Task CreateAsync(OperationScope scope, int keep, CancellationToken ct)
    {
        if (keep < 1) throw new RolloutException($"--keep {keep}: keep at least 1 backup (the one just made)");
        var core = await scope.Connections.ConnectAsync(scope.Core, ct);
        var name = BackupCommands.NameFor(DateTimeOffset.UtcNow);
        var created = BackupCommands.ParseCreated((await NodeRun.RequireAsync(core, BackupCommands.Create(scope.Env.Storage, name, keep), ct)).StandardOutput);
        Log.Information("Backed up {Database} to {Dir}/{Name}: {Bytes} bytes, {Tables} table(s) listed by pg_restore", BackupCommands.Database,
            BackupCommands.Directory(scope.Env.Storage), name, created.Bytes, created.Tables);
        if (created.Metric is { } metric)
            Log.Information("  its age is served to Prometheus from {Metric} (node-exporter on the core node; alert KtrdrBackupTooOld)", metric);
        foreach (var removed in created.Removed) Log.Information("  removed {File} (keeping {Keep} newest)", removed, keep);
    }

    /// <summary>Restores <paramref name="from"/>; anything but the lab needs --confirm (the scope's).</summary>
    public static async Task RestoreAsync(OperationScope scope, string from, CancellationToken ct)
    {
        if (!BackupCommands.IsBackupName(from))
            throw new RolloutException($"--from {from}: expected the name of a dump in db-backups/, like ktrdr-20261201-031500.dump (no path)");
        if (scope.Env.Name != "lab" && !scope.Confirm)
            throw new RolloutException($"RestoreBackup replaces the {scope.Env.Name} database with {from}: run again with --confirm if that is what you want");
        var core = await scope.Connections.ConnectAsync(scope.Core, ct);
        await NodeRun.RequireAsync(core, BackupCommands.Restore(scope.Env.Storage, from), ct);
        Log.Information("Restored {Database} from {Dir}/{Name}", BackupCommands.Database, BackupCommands.Directory(scope.Env.Storage), from);
    }
}
