using System.Text.Json.Nodes;
using Ktrdr.Deploy.EntryPoints;
using Ktrdr.Deploy.Verification;
using Ktrdr.Deploy.Verification.Checks;
using Ktrdr.Deploy.Verification.Http;

namespace Verification.Tests;

/// <summary>Retry rounds (only failing checks run again, until the deadline), and the report they produce.</summary>
public class VerifyRunnerTests
{
    /// <summary>A check whose answers are scripted: it fails a number of times, then passes.</summary>
    private sealed class ScriptedCheck(string name, int failuresBeforePass) : IVerifyCheck
    {
        public int Runs { get; private set; }

        public string Name => name;

        public Task<IReadOnlyList<CheckOutcome>> RunAsync(VerifyHttp http, CancellationToken ct)
        {
            Runs++;
            IReadOnlyList<CheckOutcome> outcome = Runs > failuresBeforePass
                ? [CheckOutcome.Pass("t", $"passed on run {Runs}")]
                : [CheckOutcome.Fail("t", $"failed run {Runs}", "wait")];
            return Task.FromResult(outcome);
        }
    }

    private static VerifyPlan Plan(TimeSpan deadline) => new()
    {
        Environment = "unit",
        Backend = new Uri("http://backend.invalid:8000"),
        Workers = [],
        Prometheus = new Uri("http://backend.invalid:9090"),
        Targets = [],
        Grafana = Component<GrafanaPlan>.NotDeployedIn("unit"),
        Jaeger = Component<JaegerPlan>.NotDeployedIn("unit"),
        Deadline = deadline,
        PollInterval = TimeSpan.FromMilliseconds(20),
    };

    [Fact]
    public async Task Only_failing_checks_run_again_until_they_pass()
    {
        var steady = new ScriptedCheck("steady", 0);
        var late = new ScriptedCheck("late", 2);
        var skipped = new SkippedCheck("jaeger", "not deployed in unit");

        var told = new List<string>();

        var report = await VerifyRunner.RunAsync(Plan(TimeSpan.FromSeconds(30)), [steady, late, skipped], onRetry: told.Add);

        Assert.Equal((1, 3), (steady.Runs, late.Runs));
        Assert.StartsWith("waiting for 1 failing check(s) (late t); ", Assert.Single(told));
        Assert.True(report.Succeeded);
        Assert.Equal(["steady", "late", "jaeger"], report.Rows.Select(r => r.Check));
        Assert.Equal("passed on run 3", report.Rows[1].Detail);
        Assert.Equal("skipped: not deployed in unit", report.Rows[2].Detail);
    }

    [Fact]
    public async Task At_the_deadline_the_last_failure_is_reported()
    {
        var never = new ScriptedCheck("never", int.MaxValue);

        var report = await VerifyRunner.RunAsync(Plan(TimeSpan.FromMilliseconds(200)), [never]);

        Assert.False(report.Succeeded);
        Assert.True(never.Runs > 1, $"expected retries before the deadline, ran {never.Runs} time(s)");
        Assert.Equal($"failed run {never.Runs}", Assert.Single(report.Failures).Detail);
        Assert.Contains("never t: failed run", VerifyReportView.FailureSummary(report));
    }

    [Fact]
    public async Task The_json_report_has_every_row_and_the_counts()
    {
        var report = await VerifyRunner.RunAsync(Plan(TimeSpan.FromSeconds(5)),
            [new ScriptedCheck("steady", 0), new SkippedCheck("grafana", "not deployed in unit")]);
        var file = Path.Combine(Directory.CreateTempSubdirectory("verify-json-").FullName, "sub", "verify.json");

        report.WriteJson(file);

        var json = JsonNode.Parse(File.ReadAllText(file))!;
        Assert.Equal("unit", json["environment"]!.GetValue<string>());
        Assert.True(json["succeeded"]!.GetValue<bool>());
        Assert.Equal(1, json["counts"]!["skipped"]!.GetValue<int>());
        var row = json["rows"]![1]!;
        Assert.Equal(("grafana", "skipped", "skipped: not deployed in unit"),
            (row["check"]!.GetValue<string>(), row["result"]!.GetValue<string>(), row["detail"]!.GetValue<string>()));
        Directory.Delete(Path.GetDirectoryName(Path.GetDirectoryName(file))!, recursive: true);
    }
}
