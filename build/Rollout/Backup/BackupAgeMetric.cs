using Ktrdr.Deploy.Topology;
using static Ktrdr.Deploy.Remote.Execution.ShellQuote;

namespace Ktrdr.Deploy.Rollout.Backup;

/// <summary>
/// The newest backup's age as something Prometheus scrapes. After a verified dump, <c>Backup</c> writes
/// <c>db-backups/ktrdr_backup.prom</c> (Prometheus' text format) beside the dumps; node_exporter on the core node serves
/// that folder with its textfile collector only (job <c>node-exporter</c>), and the rule <c>KtrdrBackupTooOld</c> compares
/// the timestamp with <c>time()</c>. The file is written only by a backup that succeeded, so a failing backup leaves the
/// last good one's time in place and the alert fires when that one is older than the schedule.
/// </summary>
public static class BackupAgeMetric
{
    public const string FileName = "ktrdr_backup.prom";
    public const string Timestamp = "ktrdr_backup_newest_timestamp_seconds";
    public const string Size = "ktrdr_backup_newest_size_bytes";

    public static string PathIn(SharedStorage storage) => $"{BackupCommands.Directory(storage)}/{FileName}";

    /// <summary>
    /// Shell that writes the metric for <paramref name="dumpPath"/> (just verified and moved into place): the node's clock at
    /// the end of the dump, and the dump's size. Written to a <c>.tmp</c> name (the collector reads only <c>*.prom</c>), owned
    /// and moded like every file of the tree, then renamed, so a scrape never reads half a file. Prints <c>metric=&lt;path&gt;</c>.
    /// </summary>
    public static string WriteScript(SharedStorage storage, string dumpPath)
    {
        var metric = Quote(PathIn(storage));
        var tmp = Quote(PathIn(storage) + ".tmp");
        return "{ " +
               $"echo '# HELP {Timestamp} When the newest verified database dump in db-backups/ was made (Unix time), written by ./build.sh Backup.'; " +
               $"echo '# TYPE {Timestamp} gauge'; " +
               $"echo \"{Timestamp} $(date +%s)\"; " +
               $"echo '# HELP {Size} Size of the newest verified database dump in db-backups/, in bytes.'; " +
               $"echo '# TYPE {Size} gauge'; " +
               $"echo \"{Size} $(stat -c %s {Quote(dumpPath)})\"; " +
               $"}} > {tmp}; " +
               $"chown {storage.Uid}:{storage.Gid} {tmp}; chmod {Convert.ToString(storage.FileMode, 8)} {tmp}; mv {tmp} {metric}; " +
               $"echo metric={PathIn(storage)}";
    }
}
