using Ktrdr.Deploy.Remote;
using Ktrdr.Deploy.Remote.Files;
using Ktrdr.Deploy.Rendering.Bundles;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Rollout.Deploy;

/// <summary>Where a node keeps its bundle and the one its last deploy replaced, and their manifests as a node holds them.</summary>
public static class DeployedBundle
{
    public static string Directory(NodeSpec node) => node.DeployDirectory.TrimEnd('/');

    /// <summary>The bundle the last deploy replaced (what Rollback swaps back): <c>&lt;deploy_dir&gt;.previous</c>.</summary>
    public static string Previous(NodeSpec node) => UploadedDirectory.Previous(Directory(node));

    /// <summary>The manifest of the bundle the node runs, or null when it has none (or not a readable one).</summary>
    public static async Task<BundleManifest?> CurrentAsync(ICommandExecutor executor, NodeSpec node, CancellationToken ct) =>
        BundleManifest.Parse(await executor.ReadFileAsync(BundleManifest.PathIn(Directory(node)), ct));

    /// <summary>The manifest of the bundle the node keeps as .previous, or null when it keeps none.</summary>
    public static async Task<BundleManifest?> PreviousAsync(ICommandExecutor executor, NodeSpec node, CancellationToken ct) =>
        BundleManifest.Parse(await executor.ReadFileAsync(BundleManifest.PathIn(Previous(node)), ct));
}
