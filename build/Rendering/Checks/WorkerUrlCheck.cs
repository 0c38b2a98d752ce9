using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Rendering.Checks;

/// <summary>
/// <c>KTRDR_WORKER_PUBLIC_BASE_URL</c> is how the backend reaches a worker: it must be the node's DNS name
/// (not a container or service name, which only resolves inside that node's compose network), and must not
/// end in '/' (the backend would call <c>//health</c> and drop the worker).
/// </summary>
internal sealed class WorkerUrlCheck : IRenderCheck
{
    public const string Variable = "KTRDR_WORKER_PUBLIC_BASE_URL";

    public string Name => "worker public URLs";

    public IEnumerable<Diagnostic> Run(RenderContext ctx)
    {
        foreach (var ns in NodeService.All(ctx))
        {
            if (ns.Node.Role == NodeRole.Core || ns.Service.Env(Variable) is not { } entry) continue;
            var url = ns.EnvValue(Variable) ?? "";
            var field = $"services.{ns.Service.Name}.environment.{Variable}";
            if (url.EndsWith('/'))
                yield return DiagnosticAt.Compose(ns.File, entry.Position, field,
                    $"ends with '/' (\"{url}\"): the backend would call \"{url}/health\" with a double slash and remove the worker",
                    "drop the trailing slash");
            if (!Uri.TryCreate(url.TrimEnd('/'), UriKind.Absolute, out var uri))
                yield return DiagnosticAt.Compose(ns.File, entry.Position, field,
                    $"on node {ns.Node.Name} this is \"{url}\", not an absolute http URL", "write http://${NODE_HOST}:<port>");
            else if (!string.Equals(uri.Host, ns.Node.Host, StringComparison.OrdinalIgnoreCase))
                yield return DiagnosticAt.Compose(ns.File, entry.Position, field,
                    $"on node {ns.Node.Name} the URL's host is \"{uri.Host}\", expected the node's DNS name \"{ns.Node.Host}\"",
                    "the backend runs on another node: use http://${NODE_HOST}:<port>, never a container or service name");
        }
    }
}
