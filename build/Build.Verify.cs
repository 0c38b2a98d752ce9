using BuildEngine;
using Ktrdr.Deploy.EntryPoints;
using Ktrdr.Deploy.Verification;

namespace Ktrdr.Build;

partial class Build
{
    [Parameter("Write the report of Verify, Status or Diff as JSON to this file (e.g. --json .artifacts/verify.json)")]
    readonly string? Json;

    [Parameter("Verify also starts one backtest and one training through the backend and waits until both complete")]
    readonly bool Smoke;

    [Parameter("Verify fails when an alert is firing, and waits for what Prometheus has not done yet since the deploy: first scrape of each target, two samples for rate panels, first evaluation of alert rules (without it, each is a warning)")]
    readonly bool Strict;

    [Parameter("How long Verify retries failing checks before it reports them (default 60 s)")]
    readonly TimeSpan VerifyTimeout = VerifyPlan.DefaultDeadline;

    Target Verify => _ => _
        .Description("Check the live system: backend, registered workers, Prometheus targets, dashboards' queries, Grafana, Jaeger")
        .After(DeployCore, DeployWorkers, DeployGpu)
        .Uses(() => Environment, () => Json, () => VerifyTimeout, () => DeployRoot, () => Smoke, () => Strict)
        .Executes(ct => VerifyRun.RunAsync(Scope(), new VerifyRequest(DeployRootPath, VerifyTimeout, Smoke, Strict, Json), ct));
}
