using Ktrdr.Deploy.Rollout.Backup;
using Ktrdr.Deploy.Topology;
using Rollout.Tests.Support;

namespace Rollout.Tests.Operations;

public class BackupCommandsTests
{
    private const string Name = "ktrdr-20261201-031500.dump";

    private static readonly SharedStorage Storage = Nodes.Lab().Storage;

    [Fact]
    public void The_lab_storage_is_what_these_tests_expect()
    {
        Assert.Equal("/mnt/ktrdr_data", Storage.Path);
        Assert.Equal((999, 1500), (Storage.Uid, Storage.Gid));
        Assert.Equal(0b110_110_100, Storage.FileMode); // "664" in topology.yml, read as octal
    }

    [Fact]
    public void NameFor_is_the_utc_time_in_the_backup_pattern()
    {
        Assert.Equal(Name, BackupCommands.NameFor(DateTimeOffset.Parse("2026-12-01T03:15:00Z")));
        Assert.Equal("ktrdr-20261130-231500.dump", BackupCommands.NameFor(DateTimeOffset.Parse("2026-12-01T01:15:00+02:00")));
        Assert.Equal("ktrdr-20270101-000509.dump", BackupCommands.NameFor(DateTimeOffset.Parse("2026-12-31T19:05:09-05:00")));
    }

    [Fact]
    public void A_name_from_NameFor_is_a_backup_name() =>
        Assert.True(BackupCommands.IsBackupName(BackupCommands.NameFor(DateTimeOffset.UtcNow)));

    [Theory]
    [InlineData(Name)]
    [InlineData("ktrdr-manual_before-upgrade.dump")]
    public void IsBackupName_accepts_bare_dump_names(string name) => Assert.True(BackupCommands.IsBackupName(name));

    [Theory]
    [InlineData("../x")]
    [InlineData("ktrdr-../../etc.dump")]
    [InlineData("ktrdr-..dump")]
    [InlineData("/tmp/ktrdr-1.dump")]
    [InlineData("db-backups/ktrdr-1.dump")]
    [InlineData("other.dump")]
    [InlineData("ktrdr-1.sql")]
    [InlineData("ktrdr-1.dump.partial")]
    [InlineData("ktrdr-2026 1201.dump")]
    [InlineData("ktrdr-'x'.dump")]
    [InlineData("ktrdr-\"x\".dump")]
    [InlineData("ktrdr-$(id).dump")]
    [InlineData("ktrdr-1.dump\n")]
    [InlineData("ktrdr-1\\x.dump")]
    [InlineData("ktrdr-é.dump")]
    [InlineData("KTRDR-1.DUMP")]
    [InlineData("")]
    public void IsBackupName_rejects_paths_other_files_and_shell_characters(string name) =>
        Assert.False(BackupCommands.IsBackupName(name));

    [Fact]
    public void Backups_live_in_db_backups_of_the_shared_tree()
    {
        Assert.Equal("/mnt/ktrdr_data/db-backups", BackupCommands.Directory(Storage));
        Assert.Equal("/mnt/ktrdr_data/db-backups", BackupCommands.Directory(Storage with { Path = "/mnt/ktrdr_data/" }));
    }

    [Fact]
    public void Create_dumps_to_a_partial_file_and_owns_it_like_the_shared_tree_before_moving_it_into_place()
    {
        var command = BackupCommands.Create(Storage, Name, 14);
        var script = command.Script;
        const string File = "'/mnt/ktrdr_data/db-backups/ktrdr-20261201-031500.dump'";

        Assert.True(command.Sudo);
        Assert.StartsWith("set -e; ", script);
        Assert.Contains($"pg_dump -Fc -d ktrdr' > {File}.partial", script);
        Assert.Contains($"chown 999:1500 {File}.partial", script);
        Assert.Contains($"chmod 664 {File}.partial", script);
        Assert.Contains($"mv {File}.partial {File}", script);
        var dump = script.IndexOf("pg_dump", StringComparison.Ordinal);
        var list = script.IndexOf("pg_restore -l", StringComparison.Ordinal);
        var chown = script.IndexOf("chown", StringComparison.Ordinal);
        var move = script.IndexOf("mv ", StringComparison.Ordinal);
        Assert.True(dump < list && list < chown && chown < move, script);
    }

    [Fact]
    public void Create_refuses_a_dump_that_lists_no_table()
    {
        var script = BackupCommands.Create(Storage, Name, 14).Script;

        Assert.Contains("grep -c ' TABLE '", script);
        Assert.Contains("exit 4", script);
    }

    [Theory]
    [InlineData(1, "tail -n +2 ")]
    [InlineData(14, "tail -n +15 ")]
    public void Create_keeps_the_newest_dumps(int keep, string tail)
    {
        var script = BackupCommands.Create(Storage, Name, keep).Script;

        Assert.Contains($"ls -1t '/mnt/ktrdr_data/db-backups'/ktrdr-*.dump | {tail}", script);
        Assert.Contains("echo removed=$old", script);
        Assert.True(script.IndexOf("mv ", StringComparison.Ordinal) < script.IndexOf("ls -1t", StringComparison.Ordinal));
    }

    [Fact]
    public void Create_writes_the_mode_of_the_topology_as_octal()
    {
        var script = BackupCommands.Create(Storage with { FileMode = 0b110_100_000 }, Name, 3).Script;

        Assert.Contains("chmod 640 ", script);
        Assert.DoesNotContain("chmod 416", script);
    }

    [Fact]
    public void Create_and_Restore_find_the_projects_db_container_and_stop_without_one()
    {
        foreach (var script in new[] { BackupCommands.Create(Storage, Name, 3).Script, BackupCommands.Restore(Storage, Name).Script })
        {
            Assert.Contains("--filter label=com.docker.compose.service=db", script);
            Assert.Contains("exit 3", script);
        }
    }

    [Fact]
    public void Restore_replaces_what_is_there_from_the_named_dump()
    {
        var command = BackupCommands.Restore(Storage, Name);

        Assert.True(command.Sudo);
        Assert.StartsWith("set -e; ", command.Script);
        Assert.Contains("f='/mnt/ktrdr_data/db-backups/ktrdr-20261201-031500.dump'", command.Script);
        Assert.Contains("pg_restore --clean --if-exists --no-owner -d ktrdr' < \"$f\"", command.Script);
        Assert.EndsWith("echo restored", command.Script);
    }

    [Fact]
    public void Restore_refuses_a_missing_file_before_touching_the_database()
    {
        var script = BackupCommands.Restore(Storage, Name).Script;

        var check = script.IndexOf("[ -f \"$f\" ] || { echo \"no backup $f\" >&2; exit 5; }", StringComparison.Ordinal);
        Assert.True(check >= 0, script);
        Assert.True(check < script.IndexOf("pg_restore", StringComparison.Ordinal));
    }

    [Fact]
    public void Backup_and_restore_have_room_for_a_big_database()
    {
        Assert.Equal(TimeSpan.FromMinutes(30), BackupCommands.Create(Storage, Name, 3).Timeout);
        Assert.Equal(TimeSpan.FromMinutes(30), BackupCommands.Restore(Storage, Name).Timeout);
    }
}
