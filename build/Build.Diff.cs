using BuildEngine;
using Ktrdr.Deploy.EntryPoints;

namespace Ktrdr.Build;

/// <summary>Diff: per node, what differs between its rendered bundle and what really runs there; read-only, nodes in parallel.</summary>
partial class Build
{
    Target Diff => _ => _
        .Description("Per node, what differs between the rendered bundle and the node: files (with diffs), containers, stamp; exit 3 on drift (--json <file>)")
        .DependsOn(RenderConfigs, LabUp)
        .Uses(() => Environment, () => TargetNode, () => Tag, () => Json)
        .Executes(ct => DriftView.RunAsync(Scope(), TargetNode, Json, ct));
}
