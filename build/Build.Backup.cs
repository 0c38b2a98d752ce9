using BuildEngine;
using Ktrdr.Deploy.Rollout.Backup;
using Ktrdr.Deploy.Rollout.Nodes;
using Serilog;

namespace Ktrdr.Build;

/// <summary>
/// The database's backups in the shared tree's db-backups/: Backup (pg_dump, verified, with retention) and
/// RestoreBackup (named so because Restore is the image build's package restore; non-lab needs --confirm).
/// </summary>
partial class Build
{
    [Parameter("Backup keeps this many newest dumps in db-backups/ and removes older ones (default 14)")]
    readonly int Keep = 14;

    [Parameter("RestoreBackup: the dump to restore, a file name in db-backups/ (e.g. ktrdr-20261201-031500.dump)")]
    readonly string? From;

    [Parameter("Go ahead with a step that changes a production environment (anything but lab and local): deploys, Patch, Rollback, RestoreBackup")]
    readonly bool Confirm;

    Target Backup => _ => _
        .Description("pg_dump the database into db-backups/ on the shared tree, verified by listing it, keeping --keep newest")
        .Uses(() => Environment, () => Keep)
        .Executes(async ct =>
        {
            if (Keep < 1) throw new BuildFailedException($"--keep {Keep}: keep at least 1 backup (the one just made)");
            var env = WithRuntimeAddresses(LoadTopology());
            var core = await ConnectAsync(CoreNode(env), ct);
            var name = BackupCommands.NameFor(DateTimeOffset.UtcNow);
            var output = (await NodeRun.RequireAsync(core, BackupCommands.Create(env.Storage, name, Keep), ct)).StandardOutput;
            var values = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('=', 2)).Where(kv => kv.Length == 2).ToList();
            Log.Information("Backed up {Database} to {Dir}/{Name}: {Bytes} bytes, {Tables} table(s) listed by pg_restore", BackupCommands.Database,
                BackupCommands.Directory(env.Storage), name, values.FirstOrDefault(v => v[0] == "bytes")?[1], values.FirstOrDefault(v => v[0] == "entries")?[1]);
            foreach (var removed in values.Where(v => v[0] == "removed")) Log.Information("  removed {File} (keeping {Keep} newest)", removed[1], Keep);
        });

    Target RestoreBackup => _ => _
        .Description("Restore the database from a dump in db-backups/ (--from <file>); other environments than the lab need --confirm")
        .Requires(() => From)
        .Uses(() => Environment, () => Confirm)
        .Executes(async ct =>
        {
            if (!BackupCommands.IsBackupName(From!))
                throw new BuildFailedException($"--from {From}: expected the name of a dump in db-backups/, like ktrdr-20261201-031500.dump (no path)");
            if (!IsLab && !Confirm)
                throw new BuildFailedException($"RestoreBackup replaces the {Environment} database with {From}: run again with --confirm if that is what you want");
            var env = WithRuntimeAddresses(LoadTopology());
            var core = await ConnectAsync(CoreNode(env), ct);
            await NodeRun.RequireAsync(core, BackupCommands.Restore(env.Storage, From!), ct);
            Log.Information("Restored {Database} from {Dir}/{Name}", BackupCommands.Database, BackupCommands.Directory(env.Storage), From);
        });
}
