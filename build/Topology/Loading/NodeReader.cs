using Ktrdr.Deploy.Topology.Reading;

namespace Ktrdr.Deploy.Topology.Loading;

/// <summary>Reads one entry of <c>nodes:</c>, filling what it leaves out from the defaults.</summary>
internal static class NodeReader
{
    public static NodeSpec Read(string name, YamlMappingReader r, NodeDefaults defaults)
    {
        r.Misplaced("engine", "expected engine at the top level of the file, found it on a node",
            "a Swarm stack or compose projects is chosen for the whole environment: move `engine: swarm` to the top level (docs/swarm.md)");
        return ReadNode(name, r, defaults);
    }

    private static NodeSpec ReadNode(string name, YamlMappingReader r, NodeDefaults defaults) => new()
    {
        Name = name,
        Host = r.Required("host", ValueRules.HostName).ToLowerInvariant(),
        Role = r.Required("role", EnumRule<NodeRole>.Instance),
        Ssh = r.Mapping("ssh", s => NodeDefaults.ReadSsh(s, defaults.Ssh)) ?? defaults.Ssh,
        ComposeFiles = r.List("compose_files", ValueRules.ComposeFileName),
        Profiles = r.List("profiles", ValueRules.ProfileName),
        DeployDirectory = r.Required("deploy_dir", ValueRules.AbsolutePath),
        ComposeCommand = r.Enum("compose_command", defaults.ComposeCommand),
        Env = r.Map("env", ValueRules.UpperSnake, ValueRules.EnvValue),
        MinFreeDiskGb = r.Optional("min_free_disk_gb", NodeDefaults.DiskGb, defaults.MinFreeDiskGb),
    };
}
