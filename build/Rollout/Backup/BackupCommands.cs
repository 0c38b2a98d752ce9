using Ktrdr.Deploy.Commands.Compose;
using Ktrdr.Deploy.Remote;
using Ktrdr.Deploy.Topology;
using static Ktrdr.Deploy.Remote.Execution.ShellQuote;

namespace Ktrdr.Deploy.Rollout.Backup;

/// <summary>
/// Backup and restore of the database, as commands run on the core node. <c>pg_dump</c> runs inside the db container
/// (its own user from its environment, never on a command line) and its custom-format dump lands in the shared tree's
/// <c>db-backups/</c>, owned like every file there; the dump is then listed with <c>pg_restore -l</c> to prove it reads.
/// </summary>
public static class BackupCommands
{
    public const string Database = "ktrdr";
    public const string Prefix = "ktrdr-";
    public const string Suffix = ".dump";

    /// <summary>The db container of the project (empty output when there is none).</summary>
    private const string DbContainer =
        $"c=$(docker ps -q --filter label=com.docker.compose.project={ComposeProject.Name} --filter label=com.docker.compose.service=db); " +
        "[ -n \"$c\" ] || { echo 'no running db container of the project on this node' >&2; exit 3; }; ";

    public static string Directory(SharedStorage storage) => $"{storage.Path.TrimEnd('/')}/db-backups";

    /// <summary>
    /// Dumps to <c>&lt;name&gt;.partial</c>, checks it lists, then renames it into place and prints <c>entries=N</c> and
    /// <c>bytes=N</c>, writes the newest backup's age metric (<see cref="BackupAgeMetric"/>, <c>metric=...</c>); keeps the <paramref name="keep"/> newest dumps and prints each removed one as <c>removed=...</c>.
    /// </summary>
    public static RemoteCommand Create(SharedStorage storage, string name, int keep)
    {
        var dir = Quote(Directory(storage));
        var file = Quote($"{Directory(storage)}/{name}");
        return new RemoteCommand(
            "set -e; " + DbContainer +
            $"docker exec \"$c\" sh -c 'PGUSER=\"$POSTGRES_USER\" pg_dump -Fc -d {Database}' > {file}.partial; " +
            $"n=$(docker exec -i \"$c\" pg_restore -l < {file}.partial | grep -c ' TABLE ' || true); " +
            $"[ \"$n\" -gt 0 ] || {{ rm -f {file}.partial; echo 'the dump lists no table' >&2; exit 4; }}; " +
            $"chown {storage.Uid}:{storage.Gid} {file}.partial; chmod {Convert.ToString(storage.FileMode, 8)} {file}.partial; mv {file}.partial {file}; " +
            $"echo entries=$n; echo bytes=$(stat -c %s {file}); " +
            BackupAgeMetric.WriteScript(storage, $"{Directory(storage)}/{name}") + "; " +
            $"ls -1t {dir}/{Prefix}*{Suffix} | tail -n +{keep + 1} | while read -r old; do rm -f \"$old\"; echo removed=$old; done",
            $"back up the database to {Directory(storage)}/{name}") { Sudo = true, Timeout = TimeSpan.FromMinutes(30) };
    }

    /// <summary>Restores a dump into the running database (<c>--clean --if-exists</c>): what is in the dump replaces what is there.</summary>
    public static RemoteCommand Restore(SharedStorage storage, string name) => new(
        "set -e; " + DbContainer +
        $"f={Quote($"{Directory(storage)}/{name}")}; [ -f \"$f\" ] || {{ echo \"no backup $f\" >&2; exit 5; }}; " +
        $"docker exec -i \"$c\" sh -c 'PGUSER=\"$POSTGRES_USER\" pg_restore --clean --if-exists --no-owner -d {Database}' < \"$f\"; echo restored",
        $"restore the database from {Directory(storage)}/{name}") { Sudo = true, Timeout = TimeSpan.FromMinutes(30) };

    /// <summary>The backup's file name for a time: <c>ktrdr-20261201-031500.dump</c>.</summary>
    public static string NameFor(DateTimeOffset time) => $"{Prefix}{time.UtcDateTime:yyyyMMdd-HHmmss}{Suffix}";

    /// <summary>A --from value is a bare file name in db-backups/, nothing else (no path can reach outside it).</summary>
    public static bool IsBackupName(string name) =>
        name.StartsWith(Prefix, StringComparison.Ordinal) && name.EndsWith(Suffix, StringComparison.Ordinal) &&
        !name.Contains('/') && !name.Contains("..", StringComparison.Ordinal) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_');

    /// <summary>What <see cref="Create"/> printed: the dump's size, the tables pg_restore listed, and the older dumps removed.</summary>
    public static BackupCreated ParseCreated(string output)
    {
        var values = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim().Split('=', 2)).Where(kv => kv.Length == 2).ToList();
        return new BackupCreated(values.FirstOrDefault(v => v[0] == "bytes")?[1], values.FirstOrDefault(v => v[0] == "entries")?[1],
            [.. values.Where(v => v[0] == "removed").Select(v => v[1])]) { Metric = values.FirstOrDefault(v => v[0] == "metric")?[1] };
    }
}

/// <summary>A dump just made: its size in bytes and listed tables as printed (null when not printed), and the older dumps removed.</summary>
public sealed record BackupCreated(string? Bytes, string? Tables, IReadOnlyList<string> Removed)
{
    /// <summary>The age metric's file the backup wrote (<see cref="BackupAgeMetric"/>), null when not printed.</summary>
    public string? Metric { get; init; }
}
