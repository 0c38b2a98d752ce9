using Ktrdr.Deploy.Lab.Docker;

namespace Ktrdr.Deploy.Lab.Planning;

/// <summary>One container of the lab: its name, the image it must run, and the docker run arguments that create it.</summary>
internal sealed record ContainerSpec(string Name, string Image, IReadOnlyList<string> RunArguments)
{
    /// <summary>Label holding <see cref="SpecHash"/> on the container: a container made from other arguments is replaced.</summary>
    public const string SpecLabel = "org.ktrdr.lab.spec";

    /// <summary>A short hash of the run arguments (image included).</summary>
    public string SpecHash => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
        System.Text.Encoding.UTF8.GetBytes(string.Join('\0', RunArguments))))[..12];

    /// <summary>The run arguments with the spec label added.</summary>
    public IReadOnlyList<string> LabelledRunArguments => [RunArguments[0], "--label", $"{SpecLabel}={SpecHash}", .. RunArguments.Skip(1)];

    /// <summary>Registry, dns and the alert sink (when the plan has one) first, then the nodes in topology order.</summary>
    public static IReadOnlyList<ContainerSpec> For(LabPlan plan, LabImageSet images) =>
    [
        new(plan.RegistryContainer, images.Registry, DockerArgs.RunRegistry(plan, images.Registry)),
        new(plan.DnsContainer, images.Dns, DockerArgs.RunDns(plan, images.Dns)),
        .. plan.AlertSink is { } sink ? [new ContainerSpec(plan.AlertSinkContainer, images.AlertSink, DockerArgs.RunAlertSink(plan, sink, images.AlertSink))] : Array.Empty<ContainerSpec>(),
        .. plan.Nodes.Select(n => new ContainerSpec(n.Container, images.Node, DockerArgs.RunNode(plan, n, images.Node))),
    ];
}
