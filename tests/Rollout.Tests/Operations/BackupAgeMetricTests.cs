using System.Diagnostics;
using Ktrdr.Deploy.Rollout.Backup;
using Ktrdr.Deploy.Topology;
using Rollout.Tests.Support;
using TestSupport;

namespace Rollout.Tests.Operations;

/// <summary>
/// The backup's age metric: the script Backup runs after a verified dump, run here by a real shell on a scratch tree, writes
/// the file node_exporter's textfile collector serves, in Prometheus' text format, owned and moded like the tree.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]   // runs the script with sh and reads the Unix mode
public sealed class BackupAgeMetricTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("backup-metric-").FullName;

    [Fact]
    public async Task The_script_writes_the_dumps_time_and_size_in_the_text_format_owned_like_the_tree_and_leaves_no_temporary_file()
    {
        var storage = Nodes.Lab().Storage with { Path = _root, Uid = await IdAsync("-u"), Gid = await IdAsync("-g"), FileMode = 0b110_100_000 };
        var dumps = Directory.CreateDirectory(BackupCommands.Directory(storage)).FullName;
        var dump = Path.Combine(dumps, "ktrdr-20261201-031500.dump");
        await File.WriteAllBytesAsync(dump, new byte[4321]);
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        var output = await ShAsync(BackupAgeMetric.WriteScript(storage, dump));

        var after = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var metric = Path.Combine(dumps, BackupAgeMetric.FileName);
        Assert.Equal($"metric={metric}", output.Trim());
        Assert.Equal(["ktrdr-20261201-031500.dump", BackupAgeMetric.FileName], Directory.GetFiles(dumps).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var samples = File.ReadAllLines(metric).Where(l => !l.StartsWith('#')).Select(l => l.Split(' ')).ToDictionary(p => p[0], p => long.Parse(p[1]));
        Assert.Equal([BackupAgeMetric.Timestamp, BackupAgeMetric.Size], samples.Keys);
        Assert.InRange(samples[BackupAgeMetric.Timestamp], before, after);
        Assert.Equal(4321, samples[BackupAgeMetric.Size]);
        Assert.Contains($"# TYPE {BackupAgeMetric.Timestamp} gauge", File.ReadAllLines(metric));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(metric));
    }

    [Fact]
    public void Backup_writes_the_metric_after_the_dump_is_verified_and_in_place_and_before_old_dumps_are_removed()
    {
        var script = BackupCommands.Create(Nodes.Lab().Storage, "ktrdr-20261201-031500.dump", 14).Script;

        var moved = script.IndexOf("mv '/mnt/ktrdr_data/db-backups/ktrdr-20261201-031500.dump'.partial", StringComparison.Ordinal);
        var written = script.IndexOf($"> '/mnt/ktrdr_data/db-backups/{BackupAgeMetric.FileName}.tmp'", StringComparison.Ordinal);
        Assert.True(moved > 0 && written > moved && written < script.IndexOf("ls -1t", StringComparison.Ordinal), script);
        Assert.Equal("/mnt/ktrdr_data/db-backups/ktrdr_backup.prom",
            BackupCommands.ParseCreated("entries=3\nbytes=10\nmetric=/mnt/ktrdr_data/db-backups/ktrdr_backup.prom\n").Metric);
    }

    [Fact]
    public void The_metrics_are_in_the_catalog_that_rules_and_dashboards_are_checked_against()
    {
        var catalog = File.ReadAllText(Path.Combine(RepoFiles.Root, "deploy", "shared", "metrics-catalog.yml"));

        Assert.Contains(BackupAgeMetric.Timestamp, catalog);
        Assert.Contains(BackupAgeMetric.Size, catalog);
    }

    private static async Task<int> IdAsync(string flag) => int.Parse(await ShAsync($"id {flag}"));

    private static async Task<string> ShAsync(string script)
    {
        using var process = Process.Start(new ProcessStartInfo("sh", ["-c", "set -e; " + script]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {error}");
        return output;
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
