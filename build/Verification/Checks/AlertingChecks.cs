using System.Text.Json.Nodes;
using Ktrdr.Deploy.Verification.Evaluation;
using Ktrdr.Deploy.Verification.Http;

namespace Ktrdr.Deploy.Verification.Checks;

/// <summary>
/// Prometheus loaded every rule group of deploy/shared/prometheus/rules, and every rule evaluates with health ok. A rule
/// loaded but not evaluated yet (health unknown, right after Prometheus started: it evaluates every 15 s) is a warning
/// saying so, not a wait: Prometheus refuses a rule file it cannot load, and RenderConfigs ran the rules' unit tests.
/// With --strict it is a failure, so Verify waits for the first evaluation.
/// </summary>
internal sealed class RuleGroupsCheck(Uri prometheus, IReadOnlyList<string> expected, bool strict)
    : JsonCheck("alert rule groups", "Prometheus", new Uri(prometheus, "/api/v1/rules"), Hints.HostPort(prometheus))
{
    protected override IReadOnlyList<CheckOutcome> Judge(JsonNode json) => JudgeGroups(RuleGroup.ParseList(json), expected, strict);

    internal static IReadOnlyList<CheckOutcome> JudgeGroups(IReadOnlyList<RuleGroup> loaded, IReadOnlyList<string> expected, bool strict) =>
        expected.Select(name => loaded.FirstOrDefault(g => g.Name == name) is not { } group
            ? CheckOutcome.Fail(name, $"not loaded; Prometheus has {(loaded.Count == 0 ? "no rule group" : string.Join(", ", loaded.Select(g => g.Name)))}",
                "the core bundle's prometheus/rules/ must be mounted at /etc/prometheus/rules and named by rule_files: redeploy the core (./build.sh DeployCore --force)")
            : group.Rules.FirstOrDefault(r => r.Health != "ok" && !NotEvaluatedYet(r)) is { } bad
                ? CheckOutcome.Fail(name, $"rule {bad.Name}: health {bad.Health}{(bad.LastError.Length > 0 ? $" ({bad.LastError})" : "")}",
                    "fix the rule's expression; ./build.sh RenderConfigs runs its unit tests")
                : group.Rules.Count(NotEvaluatedYet) is var pending and > 0
                    ? Pending(name, $"{group.Rules.Count} rules loaded, {pending} not evaluated yet", strict)
                    : CheckOutcome.Pass(name, $"{group.Rules.Count} rules, health ok")).ToList();

    private static bool NotEvaluatedYet(LoadedRule rule) => rule.Health == "unknown" && rule.LastError.Length == 0;

    private static CheckOutcome Pending(string name, string detail, bool strict)
    {
        const string hint = "Prometheus evaluates rules every 15 s (it restarted with this deploy); --strict waits for the first evaluation";
        return strict ? CheckOutcome.Fail(name, detail, hint) : CheckOutcome.Warn(name, detail, hint);
    }
}

/// <summary>Alertmanager answers /-/ready, and Prometheus lists it among its active Alertmanagers (it sends alerts there).</summary>
internal sealed class AlertmanagerReachedCheck(Uri prometheus, Uri alertmanager) : IVerifyCheck
{
    public string Name => "alertmanager";

    public async Task<IReadOnlyList<CheckOutcome>> RunAsync(VerifyHttp http, CancellationToken ct)
    {
        var ready = await http.GetAsync(new Uri(alertmanager, "/-/ready"), ct);
        var target = Hints.HostPort(alertmanager);
        var up = ready.Status == 200
            ? CheckOutcome.Pass(target, "ready")
            : CheckOutcome.Fail(target, ready.Error ?? $"GET /-/ready: {ready.Status} {HttpAnswer.Snippet(ready.Body)}", Hints.ForAnswer(ready, "Alertmanager"));
        var answer = await http.GetAsync(new Uri(prometheus, "/api/v1/alertmanagers"), ct);
        var from = $"{Hints.HostPort(prometheus)} → alertmanager";
        if (!answer.TryJson(out var json, out var problem)) return [up, CheckOutcome.Fail(from, problem, Hints.ForAnswer(answer, "Prometheus"))];
        var active = JsonShape.Array(JsonShape.Object(JsonShape.Object(json, "GET /api/v1/alertmanagers")["data"], "data")["activeAlertmanagers"], "data.activeAlertmanagers")
            .Select(a => JsonShape.OptionalString(a, "url") ?? "").ToList();
        var reached = active.Count > 0
            ? CheckOutcome.Pass(from, $"sends to {string.Join(", ", active)}")
            : CheckOutcome.Fail(from, "Prometheus has no active Alertmanager", "prometheus.yml's alerting section names alertmanager:9093: redeploy the core (./build.sh DeployCore --force)");
        return [up, reached];
    }
}

/// <summary>Alerts firing now: each is a warning (news, not a failed Verify), or a failure with --strict.</summary>
internal sealed class FiringAlertsCheck(Uri prometheus, bool strict)
    : JsonCheck("alerts firing", "Prometheus", new Uri(prometheus, "/api/v1/alerts"), Hints.HostPort(prometheus))
{
    protected override IReadOnlyList<CheckOutcome> Judge(JsonNode json)
    {
        var firing = ActiveAlert.ParseList(json).Where(a => a.State == "firing").ToList();
        if (firing.Count == 0) return [CheckOutcome.Pass("firing now", "none")];
        const string hint = "docs/OPERATIONS.md (Alerts) names the first command for each alert";
        return firing.Select(a => strict
            ? CheckOutcome.Fail(a.Where, $"firing: {a.Summary}", hint)
            : CheckOutcome.Warn(a.Where, $"firing: {a.Summary}", hint)).ToList();
    }
}
