namespace Build.Tests.Rollout;

/// <summary>What B1 checks after a Backup: the backup's age metric, in its file and in Prometheus on core.</summary>
public sealed partial class RolloutTests
{
    /// <summary>
    /// Backup wrote the newest dump's time and size beside it, and Prometheus on core scrapes them from node-exporter (the
    /// metric the KtrdrBackupTooOld rule reads): the file says the dump's size and a time of the last ten minutes, and Prometheus has the same number.
    /// </summary>
    private async Task TheBackupsAgeIsScrapedAsync(FileInfo dump)
    {
        var metric = Path.Combine(dump.DirectoryName!, "ktrdr_backup.prom");
        var lines = File.ReadAllLines(metric).Where(l => !l.StartsWith('#')).Select(l => l.Split(' ')).ToDictionary(p => p[0], p => p[1]);
        Assert.Equal(dump.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), lines["ktrdr_backup_newest_size_bytes"]);
        var written = long.Parse(lines["ktrdr_backup_newest_timestamp_seconds"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - written, 0, 600);

        using var http = new HttpClient { BaseAddress = new Uri($"http://{await CoreAddressAsync()}:9090"), Timeout = TimeSpan.FromSeconds(10) };
        var scraped = await Eventually(async () =>
        {
            var result = System.Text.Json.Nodes.JsonNode.Parse(await http.GetStringAsync("/api/v1/query?query=ktrdr_backup_newest_timestamp_seconds"))!["data"]!["result"]!.AsArray();
            return result.Count == 1 ? result[0]!["value"]![1]!.GetValue<string>() + " " + result[0]!["metric"]!["job"]!.GetValue<string>() : null;
        }, value => value == $"{written} node-exporter", TimeSpan.FromSeconds(90));
        Assert.Equal($"{written} node-exporter", scraped);
    }
}
