namespace Ktrdr.Deploy.Lab.Planning;

/// <summary>One node of the lab: its topology name, DNS name, lab address, SSH user, container and Docker volume.</summary>
internal sealed record LabNode(string Name, string DnsName, string Ip, string SshUser, string Container, string DockerVolume);
