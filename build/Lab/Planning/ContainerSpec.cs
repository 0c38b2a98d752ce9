namespace Ktrdr.Deploy.Lab.Planning;

/// <summary>One container of the lab: its name, the image it must run, and the docker run arguments that create it.</summary>
public sealed record ContainerSpec(string Name, string Image, IReadOnlyList<string> RunArguments)
{
    /// <summary>Registry and dns first, then the nodes in topology order.</summary>
    public static IReadOnlyList<ContainerSpec> For(LabPlan plan, string nodeImage, string registryImage, string dnsImage) =>
    [
        new(plan.RegistryContainer, registryImage, DockerArgs.RunRegistry(plan, registryImage)),
        new(plan.DnsContainer, dnsImage, DockerArgs.RunDns(plan, dnsImage)),
        .. plan.Nodes.Select(n => new ContainerSpec(n.Container, nodeImage, DockerArgs.RunNode(plan, n, nodeImage))),
    ];
}
