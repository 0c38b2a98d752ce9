using System.Diagnostics;
using System.Text.Json.Nodes;
using Ktrdr.Deploy.Verification;
using Standin.Tests.Support;
using Verification.Tests.Support;
using Xunit.Abstractions;

namespace Verification.Tests;

/// <summary>
/// Verify against a real running system: stand-in backend and workers on loopback, a real Prometheus scraping them.
/// Failure scenarios first wait for the system to be green, then break one thing and expect exactly that to be named.
/// </summary>
public class LiveSystemTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Short = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task A_healthy_system_verifies_green_and_skips_what_it_does_not_deploy()
    {
        await using var system = await LocalSystem.StartAsync();
        var first = await system.VerifyGreenAsync();
        output.WriteLine($"first verify, from a just-started system until green: {first.Elapsed.TotalMilliseconds:0} ms");

        var clock = Stopwatch.StartNew();
        var report = await VerifyRunner.RunAsync(system.Plan(TimeSpan.FromSeconds(30)));
        output.WriteLine($"green verify of the settled local system: {clock.Elapsed.TotalMilliseconds:0} ms ({report.Rows.Count} rows)");

        Assert.True(report.Succeeded, ReportText.Of(report));
        Assert.All(report.Rows.Where(r => r.Check is not ("grafana" or "jaeger" or "alerting")), r => Assert.Equal(CheckResult.Passed, r.Result));
        Assert.Equal((CheckResult.Skipped, "skipped: no alerting section in the topology"), (report.Row("alerting", "-").Result, report.Row("alerting", "-").Detail));
        foreach (var component in new[] { "grafana", "jaeger" })
        {
            var row = report.Row(component, "-");
            Assert.Equal(CheckResult.Skipped, row.Result);
            Assert.Equal("skipped: not deployed in test", row.Detail);
        }
        Assert.Contains("gpu", report.Row("workers registered", LocalSystem.TrainingId).Detail);
        Assert.Equal("2 registered (1 backtesting, 1 training), 2 expected", report.Row("workers registered", "count").Detail);
        Assert.Equal(4, report.Rows.Count(r => r.Check == "dashboard query"));
    }

    [Fact]
    public async Task A_stopped_worker_fails_registration_health_and_its_scrape_target()
    {
        await using var system = await LocalSystem.StartAsync();
        await system.VerifyGreenAsync();
        var port = system.Backtest.BaseAddress.Port;
        await system.Backtest.StopAsync();
        await WaitUntilBackendAndPrometheusNoticeAsync(system, LocalSystem.BacktestId, $"127.0.0.1:{port}");

        var report = await VerifyRunner.RunAsync(system.Plan(Short));

        Assert.False(report.Succeeded);
        var registered = report.Failed("workers registered", LocalSystem.BacktestId);
        Assert.Equal("status temporarily_unavailable, expected available", registered.Detail);
        var health = report.Failed("worker health", LocalSystem.BacktestId);
        Assert.Contains($"connection refused on 127.0.0.1:{port}", health.Detail);
        var target = report.Failed("prometheus targets", $"ktrdr-workers-b 127.0.0.1:{port}");
        Assert.StartsWith("DOWN: ", target.Detail);
        Assert.Contains($"compare port {port} with the port the container listens on", target.Hint);
        report.OthersPassed(registered, health, target);
    }

    [Fact]
    public async Task An_extra_registered_worker_is_a_failure_naming_it()
    {
        await using var system = await LocalSystem.StartAsync();
        await system.VerifyGreenAsync();
        await system.StartExtraWorkerAsync("backtesting-worker-3f2a91c0");

        var report = await VerifyRunner.RunAsync(system.Plan(Short));

        var extra = report.Failed("workers registered", "backtesting-worker-3f2a91c0");
        Assert.StartsWith("unexpected worker registered (backtesting, available", extra.Detail);
        Assert.Contains("KTRDR_WORKER_ID", extra.Hint);
        var count = report.Failed("workers registered", "count");
        Assert.Equal("3 registered (2 backtesting, 1 training), 2 expected", count.Detail);
        report.OthersPassed(extra, count);
    }

    [Fact]
    public async Task A_scrape_port_the_worker_does_not_listen_on_is_a_down_target_with_the_port_hint()
    {
        var wrongPort = FreePort.Next();
        await using var system = await LocalSystem.StartAsync(trainingScrapePort: wrongPort);
        await system.WaitForScrapesAsync();

        var report = await VerifyRunner.RunAsync(system.Plan(Short));

        var target = report.Failed("prometheus targets", $"ktrdr-gpu 127.0.0.1:{wrongPort}");
        Assert.Contains("connection refused", target.Detail);
        Assert.Contains($"compare port {wrongPort} with the port the container listens on", target.Hint);
        Assert.StartsWith("DOWN: ", target.Detail);
        Assert.Equal(CheckResult.Passed, report.Row("worker health", LocalSystem.TrainingId).Result);
        Assert.Equal(CheckResult.Passed, report.Row("workers registered", LocalSystem.TrainingId).Result);
    }

    private static async Task WaitUntilBackendAndPrometheusNoticeAsync(LocalSystem system, string workerId, string instance)
    {
        using var client = new HttpClient();
        await Eventually.TrueAsync(async () =>
        {
            var worker = JsonNode.Parse(await client.GetStringAsync(new Uri(system.Backend.BaseAddress, $"/api/v1/workers/{workerId}")));
            return worker?["status"]?.GetValue<string>() == "temporarily_unavailable";
        }, $"the backend to mark {workerId} temporarily_unavailable");
        await Eventually.TrueAsync(async () =>
        {
            var targets = JsonNode.Parse(await client.GetStringAsync(new Uri(system.Prometheus.BaseAddress, "/api/v1/targets")));
            return targets!["data"]!["activeTargets"]!.AsArray()
                .Any(t => t!["labels"]!["instance"]!.GetValue<string>() == instance && t["health"]!.GetValue<string>() == "down");
        }, $"Prometheus to see {instance} down");
    }
}
