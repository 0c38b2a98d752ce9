using Ktrdr.Deploy.Topology;

namespace Rollout.Tests.Support;

/// <summary>Topology values: a hand-made node shaped like the lab's, and the repository's own lab topology.</summary>
internal static class Nodes
{
    public static string DeployRoot => Path.Combine(TestSupport.RepoFiles.Root, "deploy");

    public static EnvironmentTopology Lab() => TopologyLoader.Load(DeployRoot, "lab");

    public static NodeSpec Node(
        string name = "workers-b",
        string user = "root",
        int port = 22,
        string identityFile = ".artifacts/lab/ssh/id_ed25519",
        string knownHostsFile = ".artifacts/lab/ssh/known_hosts") => new()
    {
        Name = name,
        Host = $"{name}.ktrdr.lab",
        Role = NodeRole.Workers,
        Ssh = new SshSpec { User = user, Port = port, IdentityFile = identityFile, KnownHostsFile = knownHostsFile },
        ComposeFiles = ["../homelab/docker-compose.workers.yml"],
        Profiles = [],
        DeployDirectory = $"/opt/ktrdr-{name}",
        ComposeCommand = ComposeCommand.Auto,
        Env = new Dictionary<string, string>(),
        MinFreeDiskGb = 2,
    };
}
