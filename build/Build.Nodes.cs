using BuildEngine;
using Ktrdr.Deploy.Rollout.Orchestration;

namespace Ktrdr.Build;

/// <summary>SyncNfsLayout: the shared tree laid out as topology.yml says, proven on every node.</summary>
partial class Build
{
    Target SyncNfsLayout => _ => _
        .Description("Create data/ results/ models/ db-backups/ on the shared tree with owner 999:1500, dirs 2775, files 664; prove it as uid 999 on each node")
        .DependsOn(LabUp)
        .After(PushGhcr)
        .Uses(() => Environment, () => TargetNode, () => Tag, () => Confirm)
        .Executes(ct => SharedTreeSync.RunAsync(Scope(), TargetNode, ct));
}
