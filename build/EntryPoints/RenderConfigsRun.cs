using BuildEngine;
using Ktrdr.Deploy.Rendering;
using Ktrdr.Deploy.Rendering.Bundles;
using Ktrdr.Deploy.Rendering.Tools;
using Ktrdr.Deploy.Topology;
using Serilog;

namespace Ktrdr.Deploy.EntryPoints;

/// <summary>
/// RenderConfigs: every node's bundle rendered, every consistency check run, the bundles written only when all pass; a
/// render whose inputs did not change since the last passing one is "up to date" (unless forced).
/// </summary>
public static class RenderConfigsRun
{
    /// <param name="buildIdentity">The build's own code (its module version id changes with every compile): part of what a render depends on.</param>
    public static async Task RunAsync(EnvironmentTopology env, IReadOnlyList<NodeSpec> nodes, string tag, string deployRoot, string outputRoot,
        string rootDirectory, bool force, Guid buildIdentity, CancellationToken ct)
    {
        await HostPackages.EnsureAsync([HostPackages.Promtool, HostPackages.DockerCompose, HostPackages.Amtool], ct);
        var fingerprint = Fingerprint(env, nodes, tag, deployRoot, buildIdentity);
        var stamp = Path.Combine(outputRoot, env.Name, ".checked");
        if (!force && File.Exists(stamp) && File.ReadAllText(stamp) == fingerprint &&
            nodes.All(n => File.Exists(Path.Combine(outputRoot, env.Name, n.Name, BundleManifest.FileName))))
        {
            Log.Information("Up to date: {Environment} ({Nodes}) with tag {Tag} was rendered and passed every check from these exact inputs " +
                            "({Fingerprint}); --force checks again", env.Name, string.Join(", ", nodes.Select(n => n.Name)), tag, fingerprint[..12]);
            return;
        }
        Log.Information("Rendering {Environment} ({Nodes}) with tag {Tag} from {DeployRoot}", env.Name,
            string.Join(", ", nodes.Select(n => n.Name)), tag, deployRoot);

        var outcome = RenderPipeline.Run(env, deployRoot, tag, new ProcessToolRunner());
        RenderReport.Print(outcome);
        if (!outcome.Succeeded)
            throw new BuildFailedException(RenderReport.FailureSummary(outcome));

        var selected = outcome.Bundles.Where(b => nodes.Contains(b.Node)).ToList();
        foreach (var dir in BundleWriter.Write(outputRoot, selected))
        {
            var bundle = selected.Single(b => b.Node.Name == Path.GetFileName(dir));
            Log.Information("  {Node,-10} {Files} files, bundle {Hash}  →  {Dir}", bundle.Node.Name, bundle.Files.Count + 1, bundle.Hash[..12],
                Path.GetRelativePath(rootDirectory, dir));
        }
        await File.WriteAllTextAsync(stamp, fingerprint, ct);
    }

    /// <summary>
    /// What a render depends on: the whole deploy tree, the environment and its engine (--engine swarm adds the stack file
    /// to core's bundle without touching the tree), the nodes, the tag, and the rendering and build code.
    /// </summary>
    private static string Fingerprint(EnvironmentTopology env, IReadOnlyList<NodeSpec> nodes, string tag, string deployRoot, Guid buildIdentity)
    {
        using var hash = new ContentHash();
        hash.Line($"env {env.Name}").Line($"engine {env.Engine}").Line($"tag {tag}").Line($"nodes {string.Join(",", nodes.Select(n => n.Name))}")
            .Line($"code {typeof(RenderPipeline).Assembly.ManifestModule.ModuleVersionId}").Line($"build {buildIdentity}");
        return hash.Folder(deployRoot).Hex();
    }
}
