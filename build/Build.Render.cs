using BuildEngine;
using Ktrdr.Build.Support;
using Ktrdr.Deploy.Rendering;
using Ktrdr.Deploy.Rendering.Bundles;
using Ktrdr.Deploy.Rendering.Tools;
using Ktrdr.Deploy.Topology;
using Serilog;

namespace Ktrdr.Build;

partial class Build
{
    /// <summary>Renders every node's bundle, runs every consistency check, and writes the bundles only when all pass.</summary>
    Target RenderConfigs => _ => _
        .Description("Render each node's files into .artifacts/render/<env>/<node>/ and check them all (promtool, compose, ports, URLs, dashboards)")
        .Uses(() => Environment, () => TargetNode, () => Tag, () => DeployRoot, () => Force)
        .Executes(RenderAsync);

    /// <summary>RenderConfigs' work; Rollback --tag renders through it too (for the tag it goes back to).</summary>
    async Task RenderAsync(CancellationToken ct)
    {
        await HostPackages.EnsureAsync([HostPackages.Promtool, HostPackages.DockerCompose], ct);
        var env = LoadTopology();
        var nodes = SelectNodes(env);
        var tag = ResolvedTag;
        var output = Path.Combine(ArtifactsDirectory, "render");
        var fingerprint = RenderFingerprint(env, nodes, tag);
        var stamp = Path.Combine(output, env.Name, ".checked");
        if (!Force && File.Exists(stamp) && File.ReadAllText(stamp) == fingerprint &&
            nodes.All(n => File.Exists(Path.Combine(output, env.Name, n.Name, BundleManifest.FileName))))
        {
            Log.Information("Up to date: {Environment} ({Nodes}) with tag {Tag} was rendered and passed every check from these exact inputs " +
                            "({Fingerprint}); --force checks again", env.Name, string.Join(", ", nodes.Select(n => n.Name)), tag, fingerprint[..12]);
            return;
        }
        Log.Information("Rendering {Environment} ({Nodes}) with tag {Tag} from {DeployRoot}", env.Name,
            string.Join(", ", nodes.Select(n => n.Name)), tag, DeployRootPath);

        var outcome = RenderPipeline.Run(env, DeployRootPath, tag, new ProcessToolRunner());
        RenderReport.Print(outcome);
        if (!outcome.Succeeded)
            throw new BuildFailedException(RenderReport.FailureSummary(outcome));

        var selected = outcome.Bundles.Where(b => nodes.Contains(b.Node)).ToList();
        foreach (var dir in BundleWriter.Write(output, selected))
            Log.Information("  {Node,-10} {Files} files, bundle {Hash}  →  {Dir}", Path.GetFileName(dir),
                selected.Single(b => b.Node.Name == Path.GetFileName(dir)).Files.Count + 1,
                selected.Single(b => b.Node.Name == Path.GetFileName(dir)).Hash[..12], Path.GetRelativePath(RootDirectory, dir));
        await File.WriteAllTextAsync(stamp, fingerprint, ct);
    }

    /// <summary>
    /// What a render depends on: the whole deploy tree, the environment, the nodes, the tag, and this build's own
    /// rendering code (its module version id changes with every compile).
    /// </summary>
    string RenderFingerprint(EnvironmentTopology env, IReadOnlyList<NodeSpec> nodes, string tag)
    {
        using var hash = new ContentHash();
        hash.Line($"env {env.Name}").Line($"tag {tag}").Line($"nodes {string.Join(",", nodes.Select(n => n.Name))}")
            .Line($"code {typeof(RenderPipeline).Assembly.ManifestModule.ModuleVersionId}").Line($"build {typeof(Build).Assembly.ManifestModule.ModuleVersionId}");
        return hash.Folder(DeployRootPath).Hex();
    }

    string DeployRootPath => Path.GetFullPath(DeployRoot ?? Path.Combine(RootDirectory, "deploy"));

    string ArtifactsDirectory => Path.Combine(RootDirectory, ".artifacts");

    string? ResolvedTagValue;

    /// <summary>The image tag of this run: --tag (latest-green resolved through GitHub), else sha-&lt;HEAD&gt;.</summary>
    string ResolvedTag => ResolvedTagValue ??= RequestedTag() ?? GitRevision.ShortTag(RootDirectory);

    EnvironmentTopology LoadTopology() => TopologyLoader.Load(DeployRootPath, Environment);

    /// <summary>The nodes named by --target-node (all when none or 'all'); an unknown name lists the valid ones.</summary>
    IReadOnlyList<NodeSpec> SelectNodes(EnvironmentTopology env, NodeRole? role = null) =>
        NodeSelector.Select(env, TargetNode, role);
}
