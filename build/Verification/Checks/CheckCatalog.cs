namespace Ktrdr.Deploy.Verification.Checks;

/// <summary>Every check a plan calls for, in report order.</summary>
internal static class CheckCatalog
{
    public static IReadOnlyList<IVerifyCheck> For(VerifyPlan plan)
    {
        var checks = new List<IVerifyCheck>
        {
            new BackendHealthCheck(plan.Backend),
            new WorkerRegistrationCheck(plan.Backend, plan.Workers),
        };
        checks.AddRange(plan.Workers.Select(w => new WorkerHealthCheck(w)));
        checks.Add(new PrometheusReadyCheck(plan.Prometheus));
        var scrapes = new PrometheusScrapes(plan.Prometheus);   // this run's: the targets check takes snapshots, dashboard queries read them
        checks.Add(new PrometheusTargetsCheck(scrapes, plan.Targets, plan.Strict));
        checks.AddRange(plan.Queries.Select(q => new DashboardQueryCheck(plan.Prometheus, q, scrapes, plan.Strict)));
        checks.AddRange(plan.Alerting.Plan is { } alerting
            ? [new RuleGroupsCheck(plan.Prometheus, alerting.RuleGroups, plan.Strict), new AlertmanagerReachedCheck(plan.Prometheus, alerting.Alertmanager),
               new FiringAlertsCheck(plan.Prometheus, plan.Strict)]
            : [new SkippedCheck("alerting", plan.Alerting.SkipReason!)]);
        checks.AddRange(plan.Grafana.Plan is { } grafana
            ? [new GrafanaHealthCheck(grafana), new GrafanaDatasourcesCheck(grafana), new GrafanaDashboardsCheck(grafana)]
            : [new SkippedCheck("grafana", plan.Grafana.SkipReason!)]);
        checks.Add(plan.Jaeger.Plan is { } jaeger ? new JaegerServicesCheck(jaeger) : new SkippedCheck("jaeger", plan.Jaeger.SkipReason!));
        if (plan.Smoke) checks.AddRange(SmokeOperationCheck.Backtest(plan.Backend), SmokeOperationCheck.Training(plan.Backend));
        return checks;
    }
}
