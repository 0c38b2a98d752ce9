using BuildEngine;
using Ktrdr.Deploy.EntryPoints;
using Ktrdr.Deploy.Rendering.Bundles;
using Ktrdr.Deploy.Rollout.Orchestration;
using Ktrdr.Deploy.Topology;
using Ktrdr.Deploy.Verification;
using Serilog;

namespace Ktrdr.Build;

partial class Build
{
    [Parameter("Write the report of Verify, Status or Diff as JSON to this file (e.g. --json .artifacts/verify.json)")]
    readonly string? Json;

    [Parameter("Verify also starts one backtest and one training through the backend and waits until both complete")]
    readonly bool Smoke;

    [Parameter("Verify fails when an alert is firing (without it, firing alerts are listed as warnings)")]
    readonly bool Strict;

    [Parameter("How long Verify retries failing checks before it reports them (default 60 s)")]
    readonly TimeSpan VerifyTimeout = VerifyPlan.DefaultDeadline;

    Target Verify => _ => _
        .Description("Check the live system: backend, registered workers, Prometheus targets, dashboards' queries, Grafana, Jaeger")
        .After(DeployCore, DeployWorkers, DeployGpu)
        .Uses(() => Environment, () => Json, () => VerifyTimeout, () => DeployRoot, () => Smoke, () => Strict)
        .Executes(async ct =>
        {
            var report = await VerifyAsync(VerifyTimeout, ct);
            if (Json is not null)
            {
                report.WriteJson(Json);
                Log.Information("Report written to {File}", Path.GetFullPath(Json));
            }
            if (!report.Succeeded) throw new BuildFailedException(VerifyReportView.FailureSummary(report));
        });

    /// <summary>Runs every check of the environment with retries until <paramref name="deadline"/>, and prints the table.</summary>
    async Task<VerifyReport> VerifyAsync(TimeSpan deadline, CancellationToken ct)
    {
        var env = WithRuntimeAddresses(LoadTopology());
        var problems = new List<Diagnostic>();
        var sources = DeploySources.Load(DeployRootPath, env, problems);
        if (problems.Any(p => p.IsError)) throw new InvalidInputException(problems);
        var plan = VerifyPlanBuilder.Build(env, sources, ResolvedTag, deadline) with { Smoke = Smoke, Strict = Strict };
        if (plan.Grafana.Plan is { } grafana && env.Secrets.ContainsKey(GrafanaPasswordSecret))
        {
            // Grafana runs here: its datasource and dashboard checks log in as admin with the password the deploy gave it
            var password = (await new MaskedSecrets(Secrets, RootDirectory).FetchAsync(env, [GrafanaPasswordSecret], ct))[GrafanaPasswordSecret];
            plan = plan with { Grafana = Component<GrafanaPlan>.Deployed(grafana with { Login = new GrafanaLogin("admin", password) }) };
        }
        Log.Information("Verifying {Environment}: backend {Backend}, {Workers} workers, {Targets} scrape targets, {Queries} panel queries (up to {Deadline:0} s)",
            env.Name, plan.Backend.Authority, plan.Workers.Count, plan.Targets.Count, plan.Queries.Count, plan.Deadline.TotalSeconds);
        var report = await VerifyRunner.RunAsync(plan, ct, message => Log.Information("  {Message}", message));
        VerifyReportView.Print(report);
        return report;
    }

    /// <summary>The secret compose gives Grafana as its admin password (GF_SECURITY_ADMIN_PASSWORD).</summary>
    const string GrafanaPasswordSecret = "GF_ADMIN_PASSWORD";
}
