namespace Ktrdr.Deploy.Lab.Planning;

/// <summary>One node of the lab: its topology name, DNS name, lab address, SSH user, container and Docker volume.</summary>
internal sealed record LabNode(string Name, string DnsName, string Ip, string SshUser, string Container, string DockerVolume)
{
    /// <summary>
    /// Generic resources the node's dockerd advertises to a swarm (<c>node-generic-resources</c>): the gpu node's simulated
    /// GPU, <c>gpu=1</c>, which the stack's GPU worker reserves (docs/swarm.md). Empty for the others.
    /// </summary>
    public IReadOnlyList<string> GenericResources { get; init; } = [];
}
