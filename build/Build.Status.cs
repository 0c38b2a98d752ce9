using BuildEngine;
using Ktrdr.Deploy.EntryPoints;

namespace Ktrdr.Build;

/// <summary>Status: what every node runs right now and what the backend has registered, read in parallel, changing nothing.</summary>
partial class Build
{
    Target Status => _ => _
        .Description("One table: node, service, image tag, state and health, uptime, last deploy, drift; then the backend's registered workers (--json <file>); engine swarm: the stack's services as core's manager reports them")
        .Uses(() => Environment, () => TargetNode, () => Json, () => Engine)
        .Executes(ct => StatusReport.RunAsync(Scope(), TargetNode, DeployRootPath, Json, ct));
}
