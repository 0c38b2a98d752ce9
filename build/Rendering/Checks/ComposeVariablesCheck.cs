using Ktrdr.Deploy.Rendering.Bundles;
using Ktrdr.Deploy.Rendering.Compose;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Rendering.Checks;

/// <summary>
/// Every <c>${VAR}</c> in a compose file has a source — the node's rendered .env, a declared secret, or an
/// explicit default — and node-identity variables never have a default (a default like
/// <c>${NODE_HOST:-workers-b}</c> once made every node claim to be workers-b). Pass-through entries
/// (<c>- DB_PASSWORD</c>) must name a secret or a rendered variable.
/// </summary>
internal sealed class ComposeVariablesCheck : IRenderCheck
{
    public string Name => "compose variables";

    public IEnumerable<Diagnostic> Run(RenderContext ctx)
    {
        var seen = new HashSet<string>();
        foreach (var node in ctx.Env.Nodes)
        {
            var known = NodeVariables.For(ctx.Env, node, "sha-check").Keys.Concat(ctx.Env.Secrets.Keys).ToHashSet();
            foreach (var file in ctx.Sources.ComposeFor(ctx.Env, node))
            {
                foreach (var d in CheckReferences(file, node, known).Concat(CheckPassThrough(file, node, known)))
                    if (seen.Add(d.ToString())) yield return d;
            }
        }
    }

    private static IEnumerable<Diagnostic> CheckReferences(ComposeFile file, NodeSpec node, HashSet<string> known)
    {
        foreach (var r in VariableReference.FindAll(file.Text))
        {
            if (NodeVariables.IdentityNames.Contains(r.Name) && r.Fallback == VariableFallback.Default)
                yield return DiagnosticAt.Compose(file, r.Position, r.Name,
                    $"node-identity variable has a default (\"{r.Argument}\"); a node missing it would claim to be another node",
                    $"write ${{{r.Name}:?{r.Name} is set by the deploy tool}} so compose stops instead");
            else if (!known.Contains(r.Name) && r.Fallback is not VariableFallback.Default and not VariableFallback.Alternative)
                yield return DiagnosticAt.Compose(file, r.Position, r.Name,
                    $"${{{r.Name}}} has no source for node {node.Name}: it is not in the rendered .env, not a declared secret, and has no default",
                    $"add it to the topology's env (or the node's env), declare it under secrets, or write ${{{r.Name}:-default}}");
        }
    }

    private static IEnumerable<Diagnostic> CheckPassThrough(ComposeFile file, NodeSpec node, HashSet<string> known) =>
        file.ActiveServices(node.Profiles)
            .SelectMany(s => s.Environment.Where(e => e.Value is null && !known.Contains(e.Name))
                .Select(e => DiagnosticAt.Compose(file, e.Position, $"services.{s.Name}.environment.{e.Name}",
                    $"{e.Name} is passed through by name, but nothing provides it on node {node.Name}",
                    "declare it under secrets in the topology, add it to env, or give it a value here")));
}
