using Ktrdr.Deploy.Verification;
using Ktrdr.Deploy.Verification.Checks;
using Ktrdr.Deploy.Verification.Evaluation;
using Standin.Tests.Support;
using Verification.Tests.Support;

namespace Verification.Tests;

/// <summary>The alerting checks against a real Prometheus (Debian's 2.42) evaluating a rule file of our own, with no Alertmanager.</summary>
public class AlertingCheckTests
{
    private const string Rules = """
        groups:
          - name: always
            rules:
              - alert: AlwaysFiring
                expr: vector(1) > 0
                labels: { node: workers-b, slot: backtest-worker-1 }
                annotations: { summary: "fires from the first evaluation" }
          - name: never
            rules:
              - alert: NeverFiring
                expr: vector(0) > 1
        """;

    [Fact]
    public async Task Loaded_groups_pass_a_missing_group_fails_a_firing_alert_is_a_warning_or_with_strict_a_failure_and_no_alertmanager_fails()
    {
        await using var prometheus = await PrivatePrometheus.StartAsync([], Rules);

        var groups = await Eventually.ValueAsync(() => CheckRun.AllAsync(new RuleGroupsCheck(prometheus.BaseAddress, ["always", "never", "ktrdr-workers"], strict: false)),
            o => o.Take(2).All(x => x.Result == CheckResult.Passed), "both rule groups evaluated with health ok");
        Assert.Equal("1 rules, health ok", groups[0].Detail);
        Assert.Equal((CheckResult.Failed, "not loaded; Prometheus has always, never"), (groups[2].Result, groups[2].Detail));

        var firing = await Eventually.ValueAsync(() => CheckRun.SingleAsync(new FiringAlertsCheck(prometheus.BaseAddress, strict: false)),
            o => o.Result != CheckResult.Passed, "the alert to fire");
        Assert.Equal(new CheckOutcome("AlwaysFiring node=workers-b slot=backtest-worker-1", CheckResult.Warning, "firing: fires from the first evaluation",
            "docs/OPERATIONS.md (Alerts) names the first command for each alert"), firing);
        Assert.Equal(CheckResult.Failed, (await CheckRun.SingleAsync(new FiringAlertsCheck(prometheus.BaseAddress, strict: true))).Result);

        var alertmanager = await CheckRun.AllAsync(new AlertmanagerReachedCheck(prometheus.BaseAddress, new Uri("http://127.0.0.1:1")));
        Assert.All(alertmanager, o => Assert.Equal(CheckResult.Failed, o.Result));
        Assert.Equal("Prometheus has no active Alertmanager", alertmanager[1].Detail);
    }

    [Fact]
    public void A_rule_not_evaluated_yet_is_a_warning_saying_so_or_with_strict_a_failure_and_a_rule_in_error_fails_either_way()
    {
        RuleGroup Group(params LoadedRule[] rules) => new("ktrdr-workers", "/etc/prometheus/rules/workers.yml", rules);
        var fresh = Group(new("KtrdrTargetDown", "unknown", ""), new("KtrdrWorkerSilent", "ok", ""));
        var broken = Group(new("KtrdrTargetDown", "err", "vector cannot contain metrics with the same labelset"), new("KtrdrWorkerSilent", "unknown", ""));

        var warned = RuleGroupsCheck.JudgeGroups([fresh], ["ktrdr-workers"], strict: false).Single();
        Assert.Equal((CheckResult.Warning, "2 rules loaded, 1 not evaluated yet"), (warned.Result, warned.Detail));
        Assert.Equal(CheckResult.Failed, RuleGroupsCheck.JudgeGroups([fresh], ["ktrdr-workers"], strict: true).Single().Result);
        foreach (var strict in new[] { false, true })
        {
            var failed = RuleGroupsCheck.JudgeGroups([broken], ["ktrdr-workers"], strict).Single();
            Assert.Equal((CheckResult.Failed, "rule KtrdrTargetDown: health err (vector cannot contain metrics with the same labelset)"), (failed.Result, failed.Detail));
        }
        Assert.Equal(CheckResult.Passed, RuleGroupsCheck.JudgeGroups([Group(new LoadedRule("KtrdrTargetDown", "ok", ""))], ["ktrdr-workers"], strict: false).Single().Result);
    }
}
