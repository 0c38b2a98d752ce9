using Ktrdr.Deploy.Commands.Output;
using Ktrdr.Deploy.Remote;
using static Ktrdr.Deploy.Remote.Execution.ShellQuote;

namespace Ktrdr.Deploy.Commands.Swarm;

/// <summary>
/// One service's spec as the manager holds it: its image (with the digest the manager pinned, <c>…:tag@sha256:…</c>), its
/// placement constraints (<c>node.labels.ktrdr.node == workers-b</c>) and the secret objects it mounts.
/// </summary>
public sealed record StackSpec(string Name, string Image, IReadOnlyList<string> Constraints, IReadOnlyList<string> Secrets)
{
    /// <summary>The topology node a <c>node.labels.&lt;label&gt; == &lt;node&gt;</c> constraint pins the service to, or null.</summary>
    public string? PinnedNode(string label) =>
        Constraints.Select(c => c.Split("==", 2)).Where(p => p.Length == 2 && p[0].Trim() == $"node.labels.{label}")
            .Select(p => p[1].Trim()).FirstOrDefault();

    /// <summary>The image's digest (<c>sha256:…</c>), or empty when the manager did not pin one.</summary>
    public string Digest => Image.IndexOf('@') is var at and >= 0 ? Image[(at + 1)..] : "";
}

/// <summary>Reads the specs of a stack's services (read-only, one command on a manager).</summary>
public static class StackSpecs
{
    /// <summary>One line a service: name, image, constraints and secret names (each list <c>;</c>-separated). No stack: nothing.</summary>
    public static RemoteCommand Read(string stack) => new(
        $"ids=$(docker stack services -q {Quote(stack)} 2>/dev/null); [ -z \"$ids\" ] || docker service inspect --format " +
        "'{{.Spec.Name}}\t{{.Spec.TaskTemplate.ContainerSpec.Image}}\t{{with .Spec.TaskTemplate.Placement}}{{range .Constraints}}{{.}};{{end}}{{end}}\t" +
        "{{range .Spec.TaskTemplate.ContainerSpec.Secrets}}{{.SecretName}};{{end}}' $ids",
        $"read the specs of the stack {stack}");

    public static IReadOnlyList<StackSpec> Parse(CommandResult result)
    {
        if (!result.Succeeded) throw UnexpectedOutputException.For("the stack's service specs", "docker service inspect failed", result);
        static IReadOnlyList<string> List(string[] fields, int i) =>
            i < fields.Length ? [.. fields[i].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)] : [];
        return [.. result.StandardOutput.Replace("\r", "").Split('\n').Where(l => l.Trim().Length > 0).Select(l => l.Split('\t'))
            .Where(f => f.Length >= 2).Select(f => new StackSpec(f[0], f[1], List(f, 2), List(f, 3)))];
    }
}
