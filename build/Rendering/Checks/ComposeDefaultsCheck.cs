using Ktrdr.Deploy.Rendering.Bundles;
using Ktrdr.Deploy.Rendering.Compose;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Rendering.Checks;

/// <summary>
/// Identity and version never come from a compose default: a default naming one node
/// (<c>${WORKER_HOSTNAME:-workers-b.&lt;domain&gt;}</c> made every node claim to be workers-b when the variable was missing)
/// or floating a version (<c>${IMAGE_TAG:-latest}</c>) is an error naming the node or the tag it would pin.
/// NODE_NAME and NODE_HOST are left to the compose variables check.
/// </summary>
internal sealed class ComposeDefaultsCheck : IRenderCheck
{
    public string Name => "identity and version defaults";

    public IEnumerable<Diagnostic> Run(RenderContext ctx)
    {
        var files = ctx.Env.Nodes.SelectMany(n => ctx.Sources.ComposeFor(ctx.Env, n)).DistinctBy(f => f.Path);
        foreach (var file in files)
        foreach (var r in VariableReference.FindAll(file.Text))
        {
            if (r.Fallback != VariableFallback.Default || r.Argument is not { Length: > 0 } value || NodeVariables.IdentityNames.Contains(r.Name)) continue;
            if (PinnedNode(ctx.Env, value) is { } node)
                yield return DiagnosticAt.Compose(file, r.Position, r.Name,
                    $"the default \"{value}\" names node {node}: every node missing {r.Name} would claim to be {node}",
                    $"write ${{{r.Name}:?{r.Name} is set by the deploy tool}} (or use NODE_NAME / NODE_HOST, which the deploy renders per node)");
            else if (FloatingTag(r.Name, value) is { } tag)
                yield return DiagnosticAt.Compose(file, r.Position, r.Name,
                    $"the default \"{value}\" floats the version (tag \"{tag}\"): a missing {r.Name} would run whatever was pushed last",
                    $"write ${{{r.Name}:?{r.Name} is set by the deploy tool}} or pin an exact version");
        }
    }

    /// <summary>The node a default names: by its host, by its name as the host (or first label), or any host of the environment's domain.</summary>
    public static string? PinnedNode(EnvironmentTopology env, string value)
    {
        var byHost = env.Nodes.FirstOrDefault(n => value.Contains(n.Host, StringComparison.OrdinalIgnoreCase));
        if (byHost is not null) return byHost.Name;
        var host = HostPart(value);
        var byName = env.Nodes.FirstOrDefault(n => host.Equals(n.Name, StringComparison.OrdinalIgnoreCase) ||
                                                   host.StartsWith(n.Name + ".", StringComparison.OrdinalIgnoreCase));
        if (byName is not null) return byName.Name;
        return value.Contains("." + env.Domain, StringComparison.OrdinalIgnoreCase) ? $"(a host of {env.Domain})" : null;
    }

    /// <summary>The host a value names: "http://workers-b.x:5003/api" → "workers-b.x", "workers-b" → "workers-b".</summary>
    private static string HostPart(string value)
    {
        var rest = value.Contains("://", StringComparison.Ordinal) ? value[(value.IndexOf("://", StringComparison.Ordinal) + 3)..] : value;
        var end = rest.IndexOfAny([':', '/']);
        return end < 0 ? rest : rest[..end];
    }

    /// <summary>
    /// The floating tag a default pins: the whole value of a *_TAG variable, the tag of a *_IMAGE reference (none = "latest"),
    /// or any image reference's tag starting with "latest" (":latest", ":latest-pg16"); null when the version is exact.
    /// </summary>
    public static string? FloatingTag(string name, string value)
    {
        var colon = value.LastIndexOf(':');
        var tag = colon > value.LastIndexOf('/') ? value[(colon + 1)..] : null;
        if (name.EndsWith("TAG", StringComparison.Ordinal)) tag = value;
        else if (name.EndsWith("IMAGE", StringComparison.Ordinal)) tag ??= "latest";
        return tag is not null && tag.StartsWith("latest", StringComparison.OrdinalIgnoreCase) ? tag : null;
    }
}
