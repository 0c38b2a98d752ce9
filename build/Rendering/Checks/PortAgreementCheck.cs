using System.Text.RegularExpressions;
using Ktrdr.Deploy.Rendering.Prometheus;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Rendering.Checks;

/// <summary>
/// The port a KTRDR process listens on (uvicorn <c>--port</c>) agrees with the container port compose publishes,
/// with <c>KTRDR_WORKER_PORT</c>, with the port in <c>KTRDR_WORKER_PUBLIC_BASE_URL</c>, and with the image's
/// Dockerfile EXPOSE — the GPU worker was once DOWN for weeks because two of these disagreed.
/// Scrape targets are generated from the published ports, so they agree by construction.
/// </summary>
internal sealed partial class PortAgreementCheck : IRenderCheck
{
    public string Name => "port agreement";

    public IEnumerable<Diagnostic> Run(RenderContext ctx)
    {
        var exposed = ExposedPorts(ctx);
        var reported = new HashSet<(string, string)>();
        foreach (var ns in NodeService.All(ctx))
        {
            if (!reported.Add((ns.File.Path, ns.Service.Name))) continue;
            var svc = ns.Service;
            var listen = svc.CommandPort();
            foreach (var p in svc.Ports)
            {
                if (listen is { } l && l != p.ContainerPort)
                    yield return Problem(ns, p.Position, "ports",
                        $"publishes container port {p.ContainerPort} but the process listens on {l} (command --port)",
                        $"publish \"{p.HostPort}:{l}\" or change --port to {p.ContainerPort}");
                if (exposed is not null && !exposed.Contains(p.ContainerPort))
                    yield return Problem(ns, p.Position, "ports",
                        $"container port {p.ContainerPort} is not EXPOSEd by the image's Dockerfile (EXPOSE {string.Join(" ", exposed.Order())})",
                        "add the port to EXPOSE in the Dockerfile, or use a port it exposes");
            }
            foreach (var d in EnvPortProblems(ns, listen)) yield return d;
            if (HealthcheckProblem(ns, listen) is { } health) yield return health;
        }
    }

    /// <summary>A healthcheck that probes a port the process does not listen on keeps a healthy service "unhealthy" forever.</summary>
    private static Diagnostic? HealthcheckProblem(NodeService ns, int? listen)
    {
        if (ns.Service.Healthcheck is not { } check) return null;
        var listening = listen is { } l ? new List<int> { l } : ns.Service.Ports.Select(p => p.ContainerPort).ToList();
        if (listening.Count == 0) return null;
        var probed = LocalPort().Matches(check.Test).Select(m => int.Parse(m.Groups[1].Value)).FirstOrDefault(p => !listening.Contains(p));
        return probed == 0 ? null : Problem(ns, check.Position, "healthcheck.test",
            $"the healthcheck probes port {probed}, but the process listens on {string.Join(", ", listening)}",
            $"probe port {listening[0]} in the healthcheck, or change the port the process listens on");
    }

    private static IEnumerable<Diagnostic> EnvPortProblems(NodeService ns, int? listen)
    {
        if (listen is null) yield break;
        if (ns.EnvValue("KTRDR_WORKER_PORT") is { } wp && wp != listen.ToString())
            yield return Problem(ns, ns.Service.Env("KTRDR_WORKER_PORT")!.Position, "environment.KTRDR_WORKER_PORT",
                $"KTRDR_WORKER_PORT is {wp} but the process listens on {listen}", $"set KTRDR_WORKER_PORT to {listen}");
        if (ns.EnvValue("KTRDR_WORKER_PUBLIC_BASE_URL") is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && ns.Service.Ports.All(p => p.HostPort != uri.Port))
            yield return Problem(ns, ns.Service.Env("KTRDR_WORKER_PUBLIC_BASE_URL")!.Position, "environment.KTRDR_WORKER_PUBLIC_BASE_URL",
                $"the public URL uses port {uri.Port}, which this service does not publish ({string.Join(", ", ns.Service.Ports.Select(p => p.HostPort))})",
                "the backend calls this URL: use the published host port");
    }

    private static HashSet<int>? ExposedPorts(RenderContext ctx)
    {
        if (!ctx.Sources.Dockerfiles.TryGetValue(ScrapeConfigGenerator.KtrdrImageKey, out var dockerfile)) return null;
        var ports = ExposeLine().Matches(dockerfile)
            .SelectMany(m => m.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(p => int.TryParse(p.Split('/')[0], out var n) ? n : -1).Where(n => n > 0).ToHashSet();
        return ports.Count == 0 ? null : ports;
    }

    private static Diagnostic Problem(NodeService ns, SourcePosition at, string field, string message, string hint) =>
        DiagnosticAt.Compose(ns.File, at, $"services.{ns.Service.Name}.{field}", message, hint);

    [GeneratedRegex(@"(?:127\.0\.0\.1|localhost|0\.0\.0\.0|\[::1\]):(\d{1,5})\b")]
    private static partial Regex LocalPort();

    [GeneratedRegex(@"^\s*EXPOSE\s+(.+)$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex ExposeLine();
}
