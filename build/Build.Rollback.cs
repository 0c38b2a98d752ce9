using BuildEngine;
using Ktrdr.Deploy.Rollout.Orchestration;

namespace Ktrdr.Build;

/// <summary>
/// Rollback: without --tag, each node back to its previous good deploy from the audit history (the bundle it keeps
/// as .previous); with --tag, that tag rendered and sent through the deploy path and its gates.
/// </summary>
partial class Build
{
    Target Rollback => _ => _
        .Description("Put each selected node (--target-node, default all) back on its previous good deploy from the audit history, or on --tag")
        .DependsOn(LabUp)
        .Uses(() => Environment, () => TargetNode, () => Tag, () => HealthTimeout, () => DrainTimeout, () => BatchSize, () => Confirm, () => LockWait)
        .Executes(ct => RollbackOperation.RunAsync(Scope(), DeployOptions, Tag is null ? null : (Func<CancellationToken, Task>)RenderAsync, ct));
}
