using System.Globalization;

namespace Ktrdr.Deploy.Lab.Planning;

/// <summary>Reads the IPv4 routes of this machine from /proc/net/route (what <c>ip -4 route</c> shows, without needing iproute2).</summary>
internal static class RouteTable
{
    public const string ProcFile = "/proc/net/route";

    /// <summary>Destination networks of every route except the default route.</summary>
    public static IReadOnlyList<TakenSubnet> Parse(string procNetRoute)
    {
        var routes = new List<TakenSubnet>();
        foreach (var line in procNetRoute.Split('\n').Skip(1))
        {
            var fields = line.Split(['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 8 || !TryHex(fields[1], out var destination) || !TryHex(fields[7], out var mask) || mask == 0) continue;
            var prefix = System.Numerics.BitOperations.PopCount(mask);
            routes.Add(new TakenSubnet(new Ipv4Subnet(destination & MaskOf(prefix), prefix), $"a route on this machine (device {fields[0]})"));
        }
        return routes;
    }

    public static IReadOnlyList<TakenSubnet> ReadThisMachine() =>
        File.Exists(ProcFile) ? Parse(File.ReadAllText(ProcFile)) : [];

    /// <summary>The kernel writes addresses in host byte order (little-endian on x86): 0014A8C0 is 192.168.20.0.</summary>
    private static bool TryHex(string text, out uint value)
    {
        value = 0;
        if (!uint.TryParse(text, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var raw)) return false;
        value = System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(raw);
        return true;
    }

    private static uint MaskOf(int prefix) => prefix == 0 ? 0 : uint.MaxValue << (32 - prefix);
}
