using BuildEngine;
using Ktrdr.Deploy.Rendering.Bundles;
using Ktrdr.Deploy.Rollout.Orchestration;
using Ktrdr.Deploy.Topology;
using Ktrdr.Deploy.Verification;
using Serilog;

namespace Ktrdr.Deploy.EntryPoints;

/// <summary>What Verify is asked: how long it retries failing checks, and its switches.</summary>
public sealed record VerifyRequest(string DeployRoot, TimeSpan Deadline, bool Smoke = false, bool Strict = false, string? Json = null);

/// <summary>
/// The Verify target's entry point: the plan from the topology and the deploy sources, Grafana's login from the secret
/// the deploy gave it, every check with retries until the deadline, the table, the JSON report, the failure.
/// </summary>
public static class VerifyRun
{
    /// <summary>The secret compose gives Grafana as its admin password (GF_SECURITY_ADMIN_PASSWORD).</summary>
    private const string GrafanaPasswordSecret = "GF_ADMIN_PASSWORD";

    /// <summary>Verifies and fails the target when a check failed (or an alert fires under --strict).</summary>
    public static async Task RunAsync(OperationScope scope, VerifyRequest request, CancellationToken ct)
    {
        var report = await VerifyAsync(scope, request, ct);
        if (request.Json is not null)
        {
            report.WriteJson(request.Json);
            Log.Information("Report written to {File}", Path.GetFullPath(request.Json));
        }
        if (!report.Succeeded) throw new BuildFailedException(VerifyReportView.FailureSummary(report));
    }

    /// <summary>Runs every check of the environment with retries until the deadline, prints the table, returns the report.</summary>
    public static async Task<VerifyReport> VerifyAsync(OperationScope scope, VerifyRequest request, CancellationToken ct)
    {
        var env = scope.Env;
        var problems = new List<Diagnostic>();
        var sources = DeploySources.Load(request.DeployRoot, env, problems);
        if (problems.Any(p => p.IsError)) throw new InvalidInputException(problems);
        var plan = VerifyPlanBuilder.Build(env, sources, scope.ResolveTag(), request.Deadline, await GrafanaLoginAsync(scope, ct))
            with { Smoke = request.Smoke, Strict = request.Strict };
        Log.Information("Verifying {Environment}: backend {Backend}, {Workers} workers, {Targets} scrape targets, {Queries} panel queries (up to {Deadline:0} s)",
            env.Name, plan.Backend.Authority, plan.Workers.Count, plan.Targets.Count, plan.Queries.Count, plan.Deadline.TotalSeconds);
        var report = await VerifyRunner.RunAsync(plan, ct, message => Log.Information("  {Message}", message));
        VerifyReportView.Print(report);
        return report;
    }

    /// <summary>Grafana runs here when the environment has its password: its checks log in as admin with it.</summary>
    private static async Task<GrafanaLogin?> GrafanaLoginAsync(OperationScope scope, CancellationToken ct) =>
        scope.Env.Secrets.ContainsKey(GrafanaPasswordSecret)
            ? new GrafanaLogin("admin", (await scope.Secrets.FetchAsync(scope.Env, [GrafanaPasswordSecret], ct))[GrafanaPasswordSecret])
            : null;
}
