namespace Ktrdr.Deploy.Lab.Planning;

/// <summary>
/// Where a lab keeps its files on this machine: everything under <c>&lt;root&gt;/.artifacts/lab</c>, so LabDown can
/// remove it all. The SSH key and known_hosts paths match what deploy/environments/lab/topology.yml names.
/// </summary>
internal sealed record LabPaths(string Root)
{
    public string Directory => Path.Combine(Root, ".artifacts", "lab");
    public string StateFile => Path.Combine(Directory, "lab.json");
    public string SshDirectory => Path.Combine(Directory, "ssh");
    public string PrivateKey => Path.Combine(SshDirectory, "id_ed25519");
    public string PublicKey => PrivateKey + ".pub";
    public string KnownHosts => Path.Combine(SshDirectory, "known_hosts");
    public string SshConfig => Path.Combine(SshDirectory, "config");
    public string SecretsDirectory => Path.Combine(Directory, "secrets");

    /// <summary>The shared data tree: bind-mounted at /mnt/ktrdr_data on every node.</summary>
    public string Shared => Path.Combine(Directory, "shared");

    /// <summary>Read-only files handed to the lab's containers at /etc/ktrdr-lab: the authorized key and the names to serve.</summary>
    public string Mounts => Path.Combine(Directory, "mounts");
    public string AuthorizedKeys => Path.Combine(Mounts, "authorized_keys");
    public string DnsHosts => Path.Combine(Mounts, "hosts");

    public static LabPaths For(string root) => new(Path.GetFullPath(root));
}
