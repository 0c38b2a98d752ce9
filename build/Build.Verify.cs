using BuildEngine;

namespace Ktrdr.Build;

partial class Build
{
    Target Verify => _ => _
        .Description("Check the live system: backend, registered workers, Prometheus targets, dashboards' queries, Grafana, Jaeger")
        .After(DeployCore, DeployWorkers, DeployGpu)
        .Uses(() => Environment)
        .Executes(() => NotYet(nameof(Verify), 5));
}
