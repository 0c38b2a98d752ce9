using System.Diagnostics;
using System.Text.Json;
using Ktrdr.Deploy.Commands.Compose;
using Ktrdr.Deploy.Commands.Preflight;
using Ktrdr.Deploy.Remote;
using Ktrdr.Deploy.Rendering.Compose;
using Ktrdr.Deploy.Rollout.Nodes;
using Ktrdr.Deploy.Topology;
using static Ktrdr.Deploy.Remote.Execution.ShellQuote;

namespace Ktrdr.Deploy.Rollout.Deploy;

/// <summary>
/// Rollback of one node to the bundle it ran before its last deploy, which every deploy keeps as
/// <c>&lt;deploy_dir&gt;.previous</c>: swap the two directories (a second rollback rolls forward again), then pull, up,
/// health and a stamp naming the bundle and tag it went back to. The next deploy sees a changed node and deploys it.
/// </summary>
public static class NodeRollback
{
    /// <summary>Swaps the deploy directory with its .previous and prints the restored manifest; exit 6 when there is no previous bundle.</summary>
    public static RemoteCommand SwapBack(NodeSpec node) => new(
        $"set -e; d={Quote(node.DeployDirectory.TrimEnd('/'))}; p=\"$d.previous\"; " +
        "[ -d \"$p\" ] || { echo \"no previous bundle at $p: this node was deployed once at most\" >&2; exit 6; }; " +
        "t=\"$d.rollback-$$\"; mv -- \"$d\" \"$t\"; mv -- \"$p\" \"$d\"; mv -- \"$t\" \"$p\"; cat -- \"$d/manifest.json\"",
        $"swap {node.DeployDirectory} with its previous bundle") { Sudo = node.Ssh.User != "root" };

    /// <summary>Puts the node back; <paramref name="secrets"/> must hold every secret the environment has (the restored files pick theirs).</summary>
    public static async Task<NodeDeployResult> RunAsync(ICommandExecutor node, NodeSpec spec, PreflightReport preflight,
        IReadOnlyDictionary<string, string> secrets, RegistryPull? login, TimeSpan healthTimeout, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var project = ComposeProject.For(preflight.Compose, spec);
        var (hash, tag) = await NodeProgress.StepAsync(spec.Name, "swap back", async () =>
        {
            var manifest = JsonDocument.Parse((await NodeRun.RequireAsync(node, SwapBack(spec), ct)).StandardOutput).RootElement;
            var restored = (manifest.GetProperty("bundleHash").GetString() ?? "", manifest.GetProperty("tag").GetString() ?? "?");
            return (restored, $"{spec.DeployDirectory} is bundle {restored.Item1[..Math.Min(12, restored.Item1.Length)]} (tag {restored.Item2}) again; the newer one is now .previous");
        });

        var referenced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in project.Files)
            referenced.UnionWith(VariableReference.FindAll(await node.ReadFileAsync($"{spec.DeployDirectory.TrimEnd('/')}/{file}", ct) ?? "").Select(v => v.Name));
        var needed = secrets.Where(s => referenced.Contains(s.Key)).ToDictionary();

        await NodeProgress.StepAsync(spec.Name, "pull", async () =>
        {
            await NodeRun.RequireAsync(node, DeploySteps.Pull(project, needed, login), ct);
            return $"tag {tag} with {project.Invocation}";
        });
        await NodeProgress.StepAsync(spec.Name, "up", async () =>
        {
            await NodeRun.RequireAsync(node, DeploySteps.Up(project, needed), ct);
            return "up -d --remove-orphans";
        });
        var running = await NodeProgress.StepAsync(spec.Name, "health", async () =>
        {
            var containers = await HealthWaiter.WaitAsync(node, healthTimeout, ct);
            return (containers, $"{string.Join(", ", containers.Select(c => c.Service).Distinct())} healthy");
        });
        var stamp = new DeployStamp(hash, new Dictionary<string, string>(), [.. running.Select(c => c.Service).Distinct().Order(StringComparer.Ordinal)])
        {
            Tag = tag, DeployedAt = DateTimeOffset.UtcNow, By = $"{DeployStamp.CurrentOperator} (rollback)",
        };
        await node.WriteFileAsync(DeployStamp.PathOn(spec), stamp.ToJson(), 0b110_100_100, ct);
        return new NodeDeployResult(spec.Name, $"rolled back to tag {tag}", watch.Elapsed);
    }
}
