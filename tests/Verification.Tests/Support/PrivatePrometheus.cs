using System.Text;
using Standin.Tests.Support;

namespace Verification.Tests.Support;

/// <summary>A scrape job of the test Prometheus: job name and "host:port" targets, scraped at /metrics/ like the generated prometheus.yml.</summary>
public sealed record TestScrapeJob(string Name, IReadOnlyList<string> Targets)
{
    /// <summary>Target labels (node, slot, ...), as the generated prometheus.yml gives them.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
}

/// <summary>
/// A real Prometheus (Debian's /usr/bin/prometheus) on a free loopback port, scraping every second, with its
/// database in a temporary folder that is removed afterwards.
/// </summary>
public sealed class PrivatePrometheus : IAsyncDisposable
{
    public const string Binary = "/usr/bin/prometheus";

    private readonly LoopbackServerProcess server;

    private PrivatePrometheus(LoopbackServerProcess server, int port)
    {
        this.server = server;
        Port = port;
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public string Log => server.Log;

    /// <summary>Starts Prometheus with these scrape jobs and, when given, one rule file and the Alertmanager ("host:port") it sends to.</summary>
    public static async Task<PrivatePrometheus> StartAsync(IReadOnlyList<TestScrapeJob> jobs, string? rules = null, string? alertmanager = null)
    {
        var directory = Directory.CreateTempSubdirectory("verify-prometheus-").FullName;
        var port = FreePort.Next();
        if (rules is not null) File.WriteAllText(Path.Combine(directory, "rules.yml"), rules);
        File.WriteAllText(Path.Combine(directory, "prometheus.yml"), Config(jobs, rules is not null, alertmanager));
        string[] arguments =
        [
            $"--config.file={Path.Combine(directory, "prometheus.yml")}", $"--storage.tsdb.path={Path.Combine(directory, "data")}",
            $"--web.listen-address=127.0.0.1:{port}", "--log.level=warn",
        ];
        var server = await LoopbackServerProcess.StartAsync(Binary, "prometheus", directory, arguments, new Uri($"http://127.0.0.1:{port}/-/ready"));
        return new PrivatePrometheus(server, port);
    }

    public ValueTask DisposeAsync() => server.DisposeAsync();

    private static string Config(IReadOnlyList<TestScrapeJob> jobs, bool rules, string? alertmanager)
    {
        var yml = new StringBuilder("global:\n  scrape_interval: 2s\n  scrape_timeout: 2s\n  evaluation_interval: 1s\n");
        if (rules) yml.Append("rule_files: [rules.yml]\n");
        if (alertmanager is not null) yml.Append($"alerting:\n  alertmanagers:\n    - static_configs:\n        - targets: ['{alertmanager}']\n");
        yml.Append("scrape_configs:\n");
        foreach (var job in jobs)
            yml.Append($"  - job_name: {job.Name}\n    metrics_path: /metrics/\n    static_configs:\n      - targets: [{string.Join(", ", job.Targets.Select(t => $"'{t}'"))}]\n" +
                       (job.Labels.Count == 0 ? "" : $"        labels: {{ {string.Join(", ", job.Labels.Select(l => $"{l.Key}: '{l.Value}'"))} }}\n"));
        return yml.ToString();
    }
}
