using Ktrdr.Deploy.Lab.Planning;

namespace Ktrdr.Deploy.Lab.Trust;

/// <summary>
/// known_hosts for the lab, from host keys read over a trusted channel (<c>docker exec</c>), never learnt on first
/// use over the network. One line per node, valid for its DNS name and its lab address.
/// </summary>
internal static class KnownHostsText
{
    /// <summary><c>backend.ktrdr.lab,172.20.5.10 ssh-ed25519 AAAA...</c> from the node's <c>ssh_host_ed25519_key.pub</c>.</summary>
    public static string Line(LabNode node, string hostPublicKey)
    {
        var fields = hostPublicKey.Trim().Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 2 || !fields[0].StartsWith("ssh-", StringComparison.Ordinal) || !IsBase64(fields[1]))
            throw new LabException($"node '{node.Name}': expected its host public key (\"ssh-ed25519 AAAA...\") in /etc/ssh/ssh_host_ed25519_key.pub, " +
                                   $"found \"{Shorten(hostPublicKey)}\". Check the node's entrypoint log: docker logs {node.Container}");
        return $"{node.DnsName},{node.Ip} {fields[0]} {fields[1]}";
    }

    public static string Render(string labId, IEnumerable<(LabNode Node, string HostPublicKey)> keys) =>
        $"# lab {labId}: host keys read from each node through docker exec (written by ./build.sh LabUp)\n" +
        string.Concat(keys.Select(k => Line(k.Node, k.HostPublicKey) + "\n"));

    private static bool IsBase64(string text) => text.Length > 16 && Convert.TryFromBase64String(text, new byte[text.Length], out _);

    private static string Shorten(string text) => text.Length > 60 ? text[..60] + "..." : text.Trim();
}
