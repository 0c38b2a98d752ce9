using Ktrdr.Deploy.Rendering.Bundles;
using Ktrdr.Deploy.Rollout.Deploy;
using Ktrdr.Deploy.Rollout.Orchestration;
using Ktrdr.Deploy.Secrets;
using Ktrdr.Deploy.Topology;

namespace Rollout.Tests.Support;

/// <summary>Deploy requests for the lab's nodes: a rendered bundle without services or files under an artifacts folder, no secrets, tag sha-7c8143b.</summary>
internal sealed class LabRequests(EnvironmentTopology lab, string artifacts)
{
    public const string Hash = "3f2a9c01d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d";

    public static readonly DeployOptions Options = new([], Force: false, DryRun: false, TimeSpan.FromSeconds(5), 1, TimeSpan.FromSeconds(5));

    public NodeDeployRequest For(string node)
    {
        var spec = lab.FindNode(node)!;
        var directory = Path.Combine(artifacts, "render", "lab", node);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "manifest.json"), new BundleManifest("lab", node, "sha-7c8143b", Hash, []).ToJson());
        var bundle = new NodeBundle(directory, Hash, new Dictionary<string, string>(), []);
        return DeployRequests.For(spec, spec.Role, bundle, new Dictionary<string, string>(), SecretSet.Empty, null, "sha-7c8143b", Options);
    }
}
