using Ktrdr.Deploy.Rendering.Bundles;
using Ktrdr.Deploy.Rendering.Compose;
using Ktrdr.Deploy.Rendering.Prometheus;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Rendering.Checks;

/// <summary>A KTRDR service as it will run on one node, with the node's variables substituted into its environment.</summary>
internal sealed record NodeService(NodeSpec Node, ComposeFile File, ComposeService Service, IReadOnlyDictionary<string, string> Variables)
{
    public string? EnvValue(string name) =>
        Service.Env(name)?.Value is { } raw ? VariableReference.Substitute(raw, Variables) : null;

    /// <summary>Each (node, KTRDR service) pair once, for every node of the environment.</summary>
    public static IEnumerable<NodeService> All(RenderContext ctx)
    {
        foreach (var node in ctx.Env.Nodes)
        {
            var vars = NodeVariables.For(ctx.Env, node, "sha-check");
            foreach (var file in ctx.Sources.ComposeFor(ctx.Env, node))
            foreach (var svc in ScrapeConfigGenerator.KtrdrServices(ctx.Env, ctx.Sources, node).Where(s => file.Services.Contains(s)))
                yield return new NodeService(node, file, svc, vars);
        }
    }
}
