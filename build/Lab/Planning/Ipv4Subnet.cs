using System.Net;
using System.Net.Sockets;

namespace Ktrdr.Deploy.Lab.Planning;

/// <summary>An IPv4 network such as 172.20.5.0/24: parsed strictly, compared by overlap.</summary>
internal readonly record struct Ipv4Subnet(uint Network, int PrefixLength)
{
    public uint Mask => PrefixLength == 0 ? 0 : uint.MaxValue << (32 - PrefixLength);

    /// <summary>Number of addresses in the network, network and broadcast included.</summary>
    public long Size => 1L << (32 - PrefixLength);

    public bool Overlaps(Ipv4Subnet other)
    {
        var mask = MaskOf(Math.Min(PrefixLength, other.PrefixLength));
        return (Network & mask) == (other.Network & mask);
    }

    /// <summary>The address <paramref name="offset"/> places after the network address (1 = the gateway).</summary>
    public string Address(int offset) =>
        offset > 0 && offset < Size - 1
            ? Format(Network + (uint)offset)
            : throw new ArgumentOutOfRangeException(nameof(offset), offset, $"{this} has no host number {offset}");

    public override string ToString() => $"{Format(Network)}/{PrefixLength}";

    /// <summary>Parses <c>a.b.c.d/n</c>; the problem, for a person, when it is not one.</summary>
    public static bool TryParse(string text, out Ipv4Subnet subnet, out string problem)
    {
        subnet = default;
        problem = "";
        var parts = text.Trim().Split('/');
        if (parts.Length != 2 || !IPAddress.TryParse(parts[0], out var address) || address.AddressFamily != AddressFamily.InterNetwork
            || !int.TryParse(parts[1], out var prefix) || prefix is < 0 or > 32)
        {
            problem = $"expected an IPv4 network like 172.20.5.0/24, found \"{text}\"";
            return false;
        }
        var network = ToNumber(address);
        var candidate = new Ipv4Subnet(network & MaskOf(prefix), prefix);
        if (candidate.Network != network)
        {
            problem = $"\"{text}\" has host bits set; the network is {candidate}";
            return false;
        }
        subnet = candidate;
        return true;
    }

    public static Ipv4Subnet Parse(string text) =>
        TryParse(text, out var subnet, out var problem) ? subnet : throw new FormatException(problem);

    public static uint ToNumber(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        return (uint)(bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3]);
    }

    public static string Format(uint address) => $"{address >> 24}.{(address >> 16) & 255}.{(address >> 8) & 255}.{address & 255}";

    private static uint MaskOf(int prefix) => prefix == 0 ? 0 : uint.MaxValue << (32 - prefix);
}
