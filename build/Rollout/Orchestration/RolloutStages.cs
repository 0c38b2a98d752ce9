using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Rollout.Orchestration;

/// <summary>
/// One plan for the rollout, decided here: which roles one locked deploy runs side by side. Today one stage, every role:
/// every node's state is read, pre-flighted, uploaded and pulled at once, before anything is stopped; the order in which
/// their containers start (core first, the workers as core comes up) is <see cref="StartOrder"/>'s; a core that fails
/// stops the workers that wait for it. The audit keeps one entry per target.
/// </summary>
public static class RolloutStages
{
    /// <summary>Every role, stage after stage, as a whole rollout (Patch, Rollback --tag, the benchmark) deploys them.</summary>
    public static readonly IReadOnlyList<IReadOnlyList<NodeRole>> All = [[NodeRole.Core, NodeRole.Workers, NodeRole.Gpu]];

    /// <summary>
    /// The roles the deploy target of <paramref name="role"/> deploys in a run that plans <paramref name="plannedTargets"/>:
    /// its own, and the later roles of its stage whose targets are planned too (DeployCore takes the worker and gpu nodes
    /// when DeployWorkers and DeployGpu are planned; DeployWorkers the gpu node when DeployGpu is); none when an earlier
    /// planned target of its stage already deploys it (then that target is a no-op).
    /// A target run alone deploys its own role only.
    /// </summary>
    public static IReadOnlyList<NodeRole> ForTarget(NodeRole role, IReadOnlyCollection<string> plannedTargets)
    {
        var planned = All.First(s => s.Contains(role)).Where(r => r == role || plannedTargets.Contains(DeployTargets.Of(r)[0])).ToList();
        return planned[0] == role ? planned : [];
    }

    /// <summary>The role whose target deploys <paramref name="role"/>'s nodes in this run, or null when its own target does.</summary>
    public static NodeRole? DeployedBeside(NodeRole role, IReadOnlyCollection<string> plannedTargets) =>
        ForTarget(role, plannedTargets).Count == 0
            ? All.First(s => s.Contains(role)).First(r => plannedTargets.Contains(DeployTargets.Of(r)[0]))
            : null;
}
