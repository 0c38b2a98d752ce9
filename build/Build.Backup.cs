using BuildEngine;
using Ktrdr.Deploy.Rollout.Orchestration;

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

    Target Backup => _ => _
        .Description("pg_dump the database into db-backups/ on the shared tree, verified by listing it, keeping --keep newest")
        .Uses(() => Environment, () => Keep)
        .Executes(ct => DatabaseBackups.CreateAsync(Scope(), Keep, ct));

    Target RestoreBackup => _ => _
        .Description("Restore the database from a dump in db-backups/ (--from <file>); other environments than the lab need --confirm")
        .Requires(() => From)
        .Uses(() => Environment, () => Confirm)
        .Executes(ct => DatabaseBackups.RestoreAsync(Scope(), From!, ct));
}
