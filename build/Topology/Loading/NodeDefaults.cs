using Ktrdr.Deploy.Topology.Reading;

namespace Ktrdr.Deploy.Topology.Loading;

/// <summary>The <c>defaults:</c> section: what every node gets unless it says otherwise.</summary>
internal sealed record NodeDefaults(SshSpec Ssh, ComposeCommand ComposeCommand, int MinFreeDiskGb)
{
    /// <summary>Used for anything the file's <c>defaults:</c> leaves out.</summary>
    public static readonly NodeDefaults BuiltIn = new(
        new SshSpec { User = "root", Port = 22, IdentityFile = "~/.ssh/id_ed25519", KnownHostsFile = "~/.ssh/known_hosts" },
        ComposeCommand.Auto,
        MinFreeDiskGb: 20);

    public static readonly ValueRule<int> DiskGb = ValueRules.WholeNumber(0, 1_000_000);

    public static NodeDefaults Read(YamlMappingReader r) => new(
        r.Mapping("ssh", s => ReadSsh(s, BuiltIn.Ssh)) ?? BuiltIn.Ssh,
        r.Enum("compose_command", BuiltIn.ComposeCommand),
        r.Optional("min_free_disk_gb", DiskGb, BuiltIn.MinFreeDiskGb));

    /// <summary>Reads an ssh mapping in which every field is optional and falls back to <paramref name="fallback"/>.</summary>
    public static SshSpec ReadSsh(YamlMappingReader r, SshSpec fallback) => new()
    {
        User = r.Optional("user", ValueRules.UnixUser, fallback.User),
        Port = r.Optional("port", ValueRules.WholeNumber(1, 65535), fallback.Port),
        IdentityFile = r.Optional("identity_file", ValueRules.Text, fallback.IdentityFile),
        KnownHostsFile = r.Optional("known_hosts", ValueRules.Text, fallback.KnownHostsFile),
    };
}
