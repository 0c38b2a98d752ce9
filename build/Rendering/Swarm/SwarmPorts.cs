using YamlDotNet.RepresentationModel;

namespace Ktrdr.Deploy.Rendering.Swarm;

/// <summary>
/// Published ports in host mode: the port opens on the node the service is placed on, as in compose, so a worker's public
/// URL (its node's name and port) reaches that worker. The routing mesh (ingress) would hand the backend's call to any
/// replica of the port on any node.
/// </summary>
internal static class SwarmPorts
{
    public static List<object> Of(ServiceSource s)
    {
        var ports = new List<object>();
        if (s.Child("ports") is not YamlSequenceNode seq) return ports;
        foreach (var item in seq)
        {
            if (Parse(s, item) is { } port) ports.Add(port);
        }
        return ports;
    }

    private static YMap? Parse(ServiceSource s, YamlNode item)
    {
        string? hostIp, published, target, protocol;
        if (item is YamlMappingNode map)
        {
            string? Get(string k) => map.Children.TryGetValue(new YamlScalarNode(k), out var v) ? s.Resolve((v as YamlScalarNode)?.Value ?? "") : null;
            (hostIp, target, protocol) = (Get("host_ip"), Get("target"), Get("protocol"));
            published = Get("published") ?? target;
        }
        else
        {
            var text = s.Resolve((item as YamlScalarNode)?.Value ?? "");
            var slash = text.Split('/');
            protocol = slash.Length > 1 ? slash[1] : null;
            var parts = slash[0].Split(':');
            target = parts[^1];
            published = parts.Length >= 2 ? parts[^2] : target;
            hostIp = parts.Length == 3 ? parts[0] : null;
        }
        if (!string.IsNullOrEmpty(hostIp))
        {
            s.Report(item, "ports", $"the port is published on {hostIp} only; a Swarm service publishes on every address of its node",
                "publish it without an address, or keep this service out of the stack (engine: compose) if it must stay private");
            return null;
        }
        if (!int.TryParse(target, out var t) || !int.TryParse(published, out var p))
        {
            s.Report(item, "ports", $"expected a port number or \"HOST:CONTAINER\", found \"{(item as YamlScalarNode)?.Value}\"",
                "write one port per entry, e.g. \"5003:5003\" (ranges are not rendered for Swarm)");
            return null;
        }
        return new YMap().Set("target", Plain.Of(t)).Set("published", Plain.Of(p)).Set("protocol", protocol ?? "tcp").Set("mode", "host");
    }
}
