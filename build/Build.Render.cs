using BuildEngine;
using Ktrdr.Deploy.EntryPoints;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Build;

partial class Build
{
    /// <summary>Renders every node's bundle, runs every consistency check, and writes the bundles only when all pass.</summary>
    Target RenderConfigs => _ => _
        .Description("Render each node's files into .artifacts/render/<env>/<node>/ and check them all (promtool, compose, ports, URLs, dashboards)")
        .Uses(() => Environment, () => TargetNode, () => Tag, () => DeployRoot, () => Force, () => Engine)
        .Executes(RenderAsync);

    /// <summary>RenderConfigs' work; Rollback --tag renders through it too (for the tag it goes back to).</summary>
    Task RenderAsync(CancellationToken ct)
    {
        var env = LoadTopology();
        return RenderConfigsRun.RunAsync(env, SelectNodes(env), ResolvedTag, DeployRootPath, Path.Combine(ArtifactsDirectory, "render"), RootDirectory, Force,
            typeof(Build).Assembly.ManifestModule.ModuleVersionId, ct);
    }

    string DeployRootPath => Path.GetFullPath(DeployRoot ?? Path.Combine(RootDirectory, "deploy"));

    string ArtifactsDirectory => Path.Combine(RootDirectory, ".artifacts");

    string? ResolvedTagValue;

    /// <summary>The image tag of this run: --tag (latest-green resolved through GitHub), else sha-&lt;HEAD&gt;.</summary>
    string ResolvedTag => ResolvedTagValue ??= RequestedTag() ?? GitRevision.ShortTag(RootDirectory);

    [Parameter("Deploy engine for this run instead of the topology's engine: compose, or swarm (RenderConfigs also renders the environment as one Docker Swarm stack, docker-stack.yml; DeployCore/Workers/Gpu then deploy that stack; Patch and Rollback refuse swarm; see docs/swarm.md)")]
    readonly DeployEngine? Engine;

    EnvironmentTopology LoadTopology() => TopologyLoader.Load(DeployRootPath, Environment) is var env && Engine is { } engine ? env with { Engine = engine } : env;

    /// <summary>The nodes named by --target-node (all when none or 'all'); an unknown name lists the valid ones.</summary>
    IReadOnlyList<NodeSpec> SelectNodes(EnvironmentTopology env) => NodeSelector.Select(env, TargetNode);
}
