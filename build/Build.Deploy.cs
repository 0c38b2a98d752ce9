using BuildEngine;
using Ktrdr.Deploy.Rollout.Orchestration;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Build;

/// <summary>
/// The rollout graph. Deploy targets depend on what they ship (rendered bundles) and are ordered after what they
/// need running first (images pushed, shared tree laid out, core before workers before gpu), so
/// <c>./build.sh DeployWorkers --target-node workers-b</c> touches only that node while <c>Rollout</c> runs it all.
/// What a deploy does is in build/Rollout/Orchestration (docs/architecture.md).
/// </summary>
partial class Build
{
    [Parameter("Deploy even when a node's bundle and images are unchanged (e.g. after rotating a secret); RenderConfigs checks again")]
    readonly bool Force;

    [Parameter("Print, per node, what the Deploy targets would run, without connecting to any node")]
    readonly bool DryRun;

    [Parameter("How long a deploy waits for a node's containers to run, pass their health checks and (workers) be registered available (default 3 min); failing it rolls the node back")]
    readonly TimeSpan HealthTimeout = TimeSpan.FromMinutes(3);

    [Parameter("How many services of each kind (backtest, training worker) a deploy replaces at once on a running worker node (default 1: one of each kind at a time, each drained first)")]
    [AtLeast(1)]
    readonly int BatchSize = 1;

    [Parameter("How long a worker update waits for a busy worker to finish its operation before it stops (default 10 min; --force replaces it anyway)")]
    readonly TimeSpan DrainTimeout = TimeSpan.FromMinutes(10);

    [Parameter("Going back from a Swarm stack to compose (engine compose while core runs the stack): also make every node leave the swarm (default: they stay in it, idle)")]
    readonly bool LeaveSwarm;

    Target DeployCore => _ => _
        .Description("Roll out the core stack (db, backend, prometheus, grafana, jaeger) to the core node")
        .DependsOn(RenderConfigs, LabUp)
        .After(PushGhcr, SyncNfsLayout)
        .Uses(() => Environment, () => Tag, () => Force, () => DryRun, () => HealthTimeout, () => DrainTimeout, () => BatchSize, () => Confirm, () => LockWait, () => LeaveSwarm)
        .Executes(ct => DeployOperation.DeployRoleAsync(Scope(), NodeRole.Core, DeployOptions, ct));

    Target DeployWorkers => _ => _
        .Description("Roll out the worker stacks to worker nodes (--target-node workers-b,workers-c or all), in parallel")
        .DependsOn(RenderConfigs, LabUp)
        .After(PushGhcr, SyncNfsLayout, DeployCore)
        .Uses(() => Environment, () => TargetNode, () => Tag, () => Force, () => DryRun, () => HealthTimeout, () => DrainTimeout, () => BatchSize, () => Confirm, () => LockWait, () => LeaveSwarm)
        .Executes(ct => DeployOperation.DeployRoleAsync(Scope(), NodeRole.Workers, DeployOptions, ct));

    Target DeployGpu => _ => _
        .Description("Roll out the GPU training worker to the gpu node (non-root SSH user)")
        .DependsOn(RenderConfigs, LabUp)
        .After(PushGhcr, SyncNfsLayout, DeployCore, DeployWorkers)
        .Uses(() => Environment, () => Tag, () => Force, () => DryRun, () => HealthTimeout, () => DrainTimeout, () => BatchSize, () => Confirm, () => LockWait, () => LeaveSwarm)
        .Executes(ct => DeployOperation.DeployRoleAsync(Scope(), NodeRole.Gpu, DeployOptions, ct));

    Target Patch => _ => _
        .Description("Hot fix: deploy an already pushed --tag to the --target-node nodes only, no image build; same checks, lock and audit")
        .DependsOn(RenderConfigs, LabUp)
        .Requires(() => Tag)
        .Uses(() => Environment, () => TargetNode, () => Force, () => HealthTimeout, () => DrainTimeout, () => BatchSize, () => Confirm, () => LockWait)
        .Executes(ct => DeployOperation.PatchAsync(Scope(), DeployOptions, ct));

    Target Rollout => _ => _
        .Description("Everything, end to end: images, configs, shared tree, core, workers, gpu, then Verify")
        .DependsOn(PushGhcr, SyncNfsLayout, DeployCore, DeployWorkers, DeployGpu)
        .Triggers(Verify);

    DeployOptions DeployOptions => new(TargetNode, Force, DryRun, HealthTimeout, BatchSize, DrainTimeout) { PlannedTargets = PlannedTargets, LeaveSwarm = LeaveSwarm };
}
