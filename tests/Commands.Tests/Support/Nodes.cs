using Ktrdr.Deploy.Topology;

namespace Commands.Tests.Support;

/// <summary>Topology values shaped like deploy/environments/homelab/topology.yml.</summary>
internal static class Nodes
{
    public static NodeSpec Node(
        string name = "workers-b",
        ComposeCommand compose = ComposeCommand.Auto,
        string user = "root",
        IReadOnlyList<string>? files = null,
        IReadOnlyList<string>? profiles = null,
        string? deployDirectory = null,
        int minFreeDiskGb = 20) => new()
    {
        Name = name,
        Host = $"{name}.ktrdr.home.mynerd.place",
        Role = NodeRole.Workers,
        Ssh = new SshSpec { User = user, Port = 22, IdentityFile = "~/.ssh/id_ed25519", KnownHostsFile = "~/.ssh/known_hosts" },
        ComposeFiles = files ?? ["docker-compose.workers.yml"],
        Profiles = profiles ?? [],
        DeployDirectory = deployDirectory ?? $"/opt/ktrdr-{name}",
        ComposeCommand = compose,
        Env = new Dictionary<string, string>(),
        MinFreeDiskGb = minFreeDiskGb,
    };

    public static SharedStorage Storage(string path = "/mnt/ktrdr_data") => new()
    {
        Path = path,
        Uid = 999,
        Gid = 1500,
        DirectoryMode = Convert.ToInt32("2775", 8),
        FileMode = Convert.ToInt32("664", 8),
        Subdirectories = ["data", "results", "models", "db-backups"],
    };
}
