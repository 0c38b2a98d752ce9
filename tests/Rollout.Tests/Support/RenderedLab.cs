using Ktrdr.Deploy.Commands.Drift;
using Ktrdr.Deploy.Rendering.Bundles;
using Ktrdr.Deploy.Rollout.Deploy;
using Ktrdr.Deploy.Topology;

namespace Rollout.Tests.Support;

/// <summary>The lab's bundles rendered under an artifacts folder (no services), and in-memory nodes that already hold them with their stamps.</summary>
internal sealed class RenderedLab(EnvironmentTopology lab, InMemoryConnections connections, string artifacts)
{
    public const string Hash = "3f2a9c01d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d";
    public const string Tag = "sha-7c8143b";

    /// <summary>A rendered bundle of <paramref name="node"/> without services, and (when deployed) the node holding it with its stamp.</summary>
    public void Rendered(string node, bool deployed = true)
    {
        var spec = lab.FindNode(node)!;
        var directory = Path.Combine(artifacts, "render", "lab", node);
        Directory.CreateDirectory(directory);
        const string compose = "services: {}\n";
        var files = spec.ComposeFiles.Select(f => Path.GetFileName(f)).ToList();
        foreach (var file in files) File.WriteAllText(Path.Combine(directory, file), compose);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(compose)));
        File.WriteAllText(Path.Combine(directory, BundleManifest.FileName),
            new BundleManifest("lab", node, Tag, Hash, [.. files.Select(f => new BundleManifestFile(f, sha, compose.Length))]).ToJson());
        if (deployed)
            connections.Node(node).Holds(directory, NodeFactsCommand.StampFile, new DeployStamp(Hash, new Dictionary<string, string>(), []) { Tag = Tag }.ToJson());
    }

    public void All(bool coreDeployed = true)
    {
        Rendered("core", coreDeployed);
        foreach (var node in new[] { "workers-b", "workers-c", "gpu" }) Rendered(node);
    }

    /// <summary>How often <paramref name="node"/>'s state was read.</summary>
    public int Reads(string node) => connections.Node(node).Ran.Count(c => c.Description == $"read what runs on {node}");
}
