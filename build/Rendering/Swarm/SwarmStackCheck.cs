using Ktrdr.Deploy.Rendering.Bundles;
using Ktrdr.Deploy.Rendering.Checks;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Rendering.Swarm;

/// <summary>
/// Run when <c>engine: swarm</c>: what the stack render refused or replaced, then <c>docker-compose config -q</c> on the
/// rendered docker-stack.yml (the 3.8 schema: keys, types, the deploy section), and <c>docker stack config</c> when the docker
/// CLI is there. Neither needs a swarm, a manager or a daemon.
/// </summary>
internal sealed class SwarmStackCheck : IRenderCheck
{
    public string Name => "swarm stack";

    public IEnumerable<Diagnostic> Run(RenderContext ctx)
    {
        var tag = ctx.Bundles.FirstOrDefault()?.Tag ?? "";
        foreach (var d in SwarmStack.Render(ctx.Env, ctx.Sources, tag, StackInputs.Unknown).Diagnostics) yield return d;
        var stack = ctx.Bundles.Select(b => b.File(SwarmStack.FileName)).FirstOrDefault(f => f is not null);
        if (stack is null) yield break;
        var dir = ToolCheck.Scratch([stack]);
        var compose = ctx.Tools.Run("docker-compose", ["-f", SwarmStack.FileName, "config", "-q"], dir);
        // docker's own stack loader needs no daemon and knows what Swarm refuses (group_add, ...), which docker-compose 1.x accepts.
        var docker = ctx.Tools.Find("docker") is null ? null : ctx.Tools.Run("docker", ["stack", "config", "-c", SwarmStack.FileName], dir);
        Directory.Delete(dir, true);
        var shown = $"core/{SwarmStack.FileName} (generated)";
        if (compose is null) yield return ToolCheck.Missing(shown, "docker-compose", "docker-compose");
        else if (Rejected("docker-compose", compose) is { } d) yield return d with { File = shown };
        if (docker is not null && Rejected("docker stack config", docker) is { } s) yield return s with { File = shown };
    }

    private static Diagnostic? Rejected(string tool, Tools.ToolResult result) => result.Succeeded ? null :
        new Diagnostic("", 0, 0, "", $"{tool} rejects the generated stack file:\n    " + string.Join("\n    ", ToolCheck.OutputLines(result)),
            "the stack is rendered from the compose files: fix the service or key it names");
}
