using Ktrdr.Deploy.Rendering.Compose;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Rendering.Checks;

/// <summary>
/// On one node, a host port is published by one service only: a second one fails at <c>up</c> ("port is already
/// allocated") after the first services were replaced. Prometheus' scrape targets come from these ports, so a target
/// listed twice is a port published twice; it is reported here once, at the second mapping.
/// </summary>
internal sealed class HostPortCheck : IRenderCheck
{
    public string Name => "host ports";

    public IEnumerable<Diagnostic> Run(RenderContext ctx)
    {
        foreach (var node in ctx.Env.Nodes)
        {
            var published = new List<(ComposeFile File, ComposeService Service, PortMapping Port)>();
            foreach (var file in ctx.Sources.ComposeFor(ctx.Env, node))
            foreach (var service in file.ActiveServices(node.Profiles))
            foreach (var port in service.Ports)
            {
                if (published.FirstOrDefault(p => p.Port.HostPort == port.HostPort && SameAddress(p.Port.HostIp, port.HostIp)) is { File: not null } first)
                    yield return DiagnosticAt.Compose(file, port.Position, $"services.{service.Name}.ports",
                        $"host port {port.HostPort} on node {node.Name} is already published by service {first.Service.Name} " +
                        $"({first.File.FileName} line {first.Port.Position.Line}); the scrape target {node.Host}:{port.HostPort} would be listed twice",
                        "give each service of a node its own host port (the left side of \"HOST:CONTAINER\")");
                published.Add((file, service, port));
            }
        }
    }

    private static bool SameAddress(string? a, string? b) => IsAny(a) || IsAny(b) || a == b;

    private static bool IsAny(string? ip) => ip is null or "" or "0.0.0.0" or "::";
}
