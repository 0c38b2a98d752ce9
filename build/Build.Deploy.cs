using BuildEngine;

namespace Ktrdr.Build;

/// <summary>
/// The rollout graph. Deploy targets depend on what they ship (rendered bundles) and are ordered after what they
/// need running first (images pushed, shared tree laid out, core before workers before gpu), so
/// <c>./build.sh DeployWorkers --target-node workers-b</c> touches only that node while <c>Rollout</c> runs it all.
/// Targets whose implementation has not landed yet fail with a message naming the issue that brings them;
/// <c>--plan</c> and <c>--help</c> show the whole graph already.
/// </summary>
partial class Build
{
    bool IsLab => Environment.Equals("lab", StringComparison.OrdinalIgnoreCase);

    Target Restore => _ => _
        .Description("Restore what image builds need: the stand-in's packages (lab) or the KTRDR checkout given by --ktrdr-root")
        .Executes(() => NotYet(nameof(Restore), 4));

    Target BuildImages => _ => _
        .Description("Build the backend/worker images tagged sha-<git> and the version, with OCI labels; unchanged inputs are not rebuilt")
        .DependsOn(Restore)
        .Uses(() => Tag)
        .Executes(() => NotYet(nameof(BuildImages), 4));

    Target PushGhcr => _ => _
        .Description("Push images to the environment's registry (ghcr.io/<owner>, or the lab registry) and print their digests")
        .DependsOn(BuildImages, LabUp)
        .Uses(() => Tag, () => Environment)
        .Executes(() => NotYet(nameof(PushGhcr), 4));

    Target SyncNfsLayout => _ => _
        .Description("Create data/ results/ models/ db-backups/ on the shared tree with owner 999:1500, dirs 2775, files 664")
        .DependsOn(LabUp)
        .Uses(() => Environment)
        .Executes(() => NotYet(nameof(SyncNfsLayout), 4));

    Target DeployCore => _ => _
        .Description("Roll out the core stack (db, backend, prometheus, grafana, jaeger) to the core node")
        .DependsOn(RenderConfigs, LabUp)
        .After(PushGhcr, SyncNfsLayout)
        .Uses(() => Environment, () => Tag)
        .Executes(() => NotYet(nameof(DeployCore), 5));

    Target DeployWorkers => _ => _
        .Description("Roll out the worker stacks to worker nodes (--target-node workers-b,workers-c or all), in parallel")
        .DependsOn(RenderConfigs, LabUp)
        .After(PushGhcr, SyncNfsLayout, DeployCore)
        .Uses(() => Environment, () => TargetNode, () => Tag)
        .Executes(() => NotYet(nameof(DeployWorkers), 5));

    Target DeployGpu => _ => _
        .Description("Roll out the GPU training worker to the gpu node (non-root SSH user)")
        .DependsOn(RenderConfigs, LabUp)
        .After(PushGhcr, SyncNfsLayout, DeployCore, DeployWorkers)
        .Uses(() => Environment, () => Tag)
        .Executes(() => NotYet(nameof(DeployGpu), 5));

    Target Rollout => _ => _
        .Description("Everything, end to end: images, configs, shared tree, core, workers, gpu, then Verify")
        .DependsOn(PushGhcr, SyncNfsLayout, DeployCore, DeployWorkers, DeployGpu)
        .Triggers(Verify);

    static void NotYet(string target, int issue) =>
        throw new BuildFailedException($"{target} is not available yet: it arrives with issue #{issue}. ./build.sh --plan {target} shows what it will run.");
}
