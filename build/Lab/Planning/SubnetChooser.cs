namespace Ktrdr.Deploy.Lab.Planning;

/// <summary>
/// Picks the lab's network: a /24 in 172.20.0.0–172.31.255.0 derived from the lab id, moving on past every network
/// already in use, so the same lab gets the same subnet run after run and two labs never share one.
/// </summary>
internal static class SubnetChooser
{
    private const int Candidates = 12 * 256;

    /// <summary>The highest host number the lab uses (the gpu node, .13): a subnet must hold it.</summary>
    public const int HighestHost = 13;

    public static Ipv4Subnet Choose(string labId, IReadOnlyCollection<TakenSubnet> taken)
    {
        var start = LabHash.Number("subnet:" + labId) % Candidates;
        for (var i = 0u; i < Candidates; i++)
        {
            var candidate = Candidate((start + i) % Candidates);
            if (Clash(candidate, taken) is null) return candidate;
        }
        throw new LabException("every /24 in 172.20.0.0/14–172.31.255.0 is in use on this machine; pass --lab-subnet with a free network");
    }

    /// <summary>Checks a subnet given with --lab-subnet: big enough, and not in use.</summary>
    public static Ipv4Subnet Check(string labId, Ipv4Subnet wanted, IReadOnlyCollection<TakenSubnet> taken)
    {
        if (wanted.Size < HighestHost + 2)
            throw new LabException($"--lab-subnet {wanted}: the lab needs host numbers up to .{HighestHost}, so a /28 or larger; found /{wanted.PrefixLength}. Use a /24 such as 172.20.5.0/24.");
        if (Clash(wanted, taken) is { } clash)
            throw new LabException($"--lab-subnet {wanted} overlaps {clash.Subnet}, used by {clash.Owner}. " +
                                   $"Pick a free network, e.g. {Choose(labId, [.. taken, new TakenSubnet(wanted, "")])}, or leave the parameter out.");
        return wanted;
    }

    public static Ipv4Subnet Parse(string text) =>
        Ipv4Subnet.TryParse(text, out var subnet, out var problem) ? subnet : throw new LabException($"--lab-subnet: {problem}");

    private static TakenSubnet? Clash(Ipv4Subnet candidate, IReadOnlyCollection<TakenSubnet> taken) =>
        taken.Append(TakenSubnet.NodeBridge).FirstOrDefault(t => t.Subnet.Overlaps(candidate));

    private static Ipv4Subnet Candidate(uint index) => new((172u << 24) | ((20 + index / 256) << 16) | ((index % 256) << 8), 24);
}
