using BuildEngine;
using Ktrdr.Deploy.EntryPoints;

namespace Ktrdr.Build;

/// <summary>
/// Diff: per node, what differs between what was deployed there (its own stamp; with --tag, the bundle for that tag) and
/// what really runs there; read-only, nodes in parallel.
/// </summary>
partial class Build
{
    Target Diff => _ => _
        .Description("Per node, what differs from what its stamp says was deployed (--tag: from that tag's bundle): files (with diffs), containers, stamp; exit 3 on drift (--json <file>); engine swarm: the rendered stack against our stamp and the running stack (stack hash, secret versions, services missing, extra or not running)")
        .DependsOn(RenderConfigs, LabUp)
        .Uses(() => Environment, () => TargetNode, () => Tag, () => Json, () => Engine)
        .Executes(ct => DriftView.RunAsync(Scope(), TargetNode, Tag, Json, ct));
}
