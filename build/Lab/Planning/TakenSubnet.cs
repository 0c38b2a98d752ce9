namespace Ktrdr.Deploy.Lab.Planning;

/// <summary>A network already in use on this machine, and who uses it (for the error message).</summary>
internal sealed record TakenSubnet(Ipv4Subnet Subnet, string Owner)
{
    /// <summary>Every node runs its own Docker daemon, whose default bridge is 172.17.0.0/16: the lab must not overlap it.</summary>
    public static readonly TakenSubnet NodeBridge = new(Ipv4Subnet.Parse("172.17.0.0/16"), "the default bridge of each node's own Docker daemon");
}
