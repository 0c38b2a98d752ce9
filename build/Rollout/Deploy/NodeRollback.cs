using System.Diagnostics;
using Ktrdr.Deploy.Commands.Compose;
using Ktrdr.Deploy.Commands.Preflight;
using Ktrdr.Deploy.Remote;
using Ktrdr.Deploy.Rendering.Bundles;
using Ktrdr.Deploy.Rendering.Compose;
using Ktrdr.Deploy.Rollout.Nodes;
using Ktrdr.Deploy.Rollout.Operations;
using Ktrdr.Deploy.Topology;
using static Ktrdr.Deploy.Remote.Execution.ShellQuote;

namespace Ktrdr.Deploy.Rollout.Deploy;

/// <summary>
/// Rollback of one node to the bundle it ran before its last deploy, which every deploy keeps as
/// <c>&lt;deploy_dir&gt;.previous</c>: swap the two directories (a second rollback rolls forward again), then pull, up,
/// health and a stamp naming the bundle, tag and images it went back to (so deploying that same tag again is a no-op).
/// </summary>
public static class NodeRollback
{
    /// <summary>Swaps the deploy directory with its .previous and prints the restored manifest; exit 6 when there is no previous bundle.</summary>
    public static RemoteCommand SwapBack(NodeSpec node) => new(
        $"set -e; d={Quote(DeployedBundle.Directory(node))}; p={Quote(DeployedBundle.Previous(node))}; " +
        "[ -d \"$p\" ] || { echo \"no previous bundle at $p: this node was deployed once at most\" >&2; exit 6; }; " +
        $"t=\"$d.rollback-$$\"; mv -- \"$d\" \"$t\"; mv -- \"$p\" \"$d\"; mv -- \"$t\" \"$p\"; cat -- \"$d/{BundleManifest.FileName}\"",
        $"swap {node.DeployDirectory} with its previous bundle") { Sudo = node.Ssh.User != "root" };

    /// <summary>The bundle the node keeps as .previous (its manifest's hash and tag), or null when it keeps none.</summary>
    public static async Task<NodeDeployed?> PreviousAsync(ICommandExecutor node, NodeSpec spec, CancellationToken ct) =>
        await DeployedBundle.PreviousAsync(node, spec, ct) is { } previous ? Landed(previous) : null;

    /// <summary>What a node runs after swapping to <paramref name="manifest"/>'s bundle (a manifest without a tag reads "?").</summary>
    private static NodeDeployed Landed(BundleManifest manifest) => new(manifest.BundleHash, manifest.Tag ?? "?");

    /// <summary>Puts the node back; <paramref name="secrets"/> must hold every secret the environment has (the restored files pick theirs).</summary>
    public static async Task<NodeDeployResult> RunAsync(ICommandExecutor node, NodeSpec spec, PreflightReport preflight,
        IReadOnlyDictionary<string, string> secrets, RegistryPull? login, TimeSpan healthTimeout, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var project = ComposeProject.For(preflight.Compose, spec);
        var (hash, tag) = await NodeProgress.StepAsync(spec.Name, "swap back", async () =>
        {
            var restored = BundleManifest.Parse((await NodeRun.RequireAsync(node, SwapBack(spec), ct)).StandardOutput) is { } swapped
                ? Landed(swapped)
                : throw new RolloutException($"{spec.Name}: the bundle swapped back into {spec.DeployDirectory} has no readable {BundleManifest.FileName}; " +
                                             "the directories stay swapped: deploy again (./build.sh Deploy<Role> --target-node " + spec.Name + " --force)");
            return ((restored.Bundle, restored.Tag), $"{spec.DeployDirectory} is bundle {restored.Bundle[..Math.Min(12, restored.Bundle.Length)]} (tag {restored.Tag}) again; the newer one is now .previous");
        });

        // the restored bundle carries the stamp of its own deploy: its image identities make the next deploy of it a no-op
        var images = DeployStamp.Parse(await node.ReadFileAsync(DeployStamp.PathOn(spec), ct))?.Images ?? new Dictionary<string, string>();
        var dir = DeployedBundle.Directory(spec);
        var files = new List<(string Path, string Text)>();
        foreach (var file in project.Files) files.Add((file, await node.ReadFileAsync($"{dir}/{file}", ct) ?? ""));
        var referenced = files.SelectMany(f => VariableReference.FindAll(f.Text)).Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        var needed = secrets.Where(s => referenced.Contains(s.Key)).ToDictionary();
        // services reading a bundle file that differs between the two bundles are recreated after up (bind mounts keep the old file)
        var recreate = MountedFiles.ServicesReadingChanges(
            MountedFiles.Of(files.SelectMany(f => ComposeParser.Parse(f.Path, f.Text, []).ActiveServices(spec.Profiles))),
            (await DeployedBundle.PreviousAsync(node, spec, ct))?.FileHashes,
            (await DeployedBundle.CurrentAsync(node, spec, ct))?.FileHashes ?? new Dictionary<string, string>());

        var started = false;
        IReadOnlyList<ContainerStatus> running;
        try
        {
            await NodeProgress.StepAsync(spec.Name, "pull", async () =>
            {
                await NodeRun.RequireAsync(node, DeploySteps.Pull(project, needed, login), ct);
                return $"tag {tag} with {project.Invocation}";
            });
            started = true;
            await NodeProgress.StepAsync(spec.Name, "up", async () =>
            {
                await NodeRun.RequireAsync(node, DeploySteps.Up(project, needed), ct);
                return "up -d --remove-orphans";
            });
            await MountedFiles.RecreateAsync(node, spec.Name, project, recreate, needed, ct);
            running = await NodeProgress.StepAsync(spec.Name, "health", async () =>
            {
                var containers = await HealthWaiter.WaitAsync(node, healthTimeout, ct);
                return (containers, $"{string.Join(", ", containers.Select(c => c.Service).Distinct())} healthy");
            });
        }
        catch (RolloutException failure)
        {
            // a rollback that fails half-way is undone: the node keeps running (or runs again) what it ran before it
            await NodeProgress.StepAsync(spec.Name, "undo", async () =>
            {
                await NodeRun.RequireAsync(node, SwapBack(spec), CancellationToken.None);
                if (!started) return "the newer bundle is back in place; no container was changed";
                await NodeRun.RequireAsync(node, DeploySteps.Up(project, secrets), CancellationToken.None);
                await HealthWaiter.WaitAsync(node, healthTimeout, CancellationToken.None);
                return "the newer bundle is back in place and healthy";
            });
            throw new RolloutException($"{spec.Name}: the rollback to tag {tag} failed and was undone; the node runs what it ran before.\n" +
                                       $"  What failed: {failure.Message}", failure);
        }
        var stamp = new DeployStamp(hash, images, [.. running.Select(c => c.Service).Distinct().Order(StringComparer.Ordinal)])
        {
            Tag = tag, DeployedAt = DateTimeOffset.UtcNow, By = $"{DeployStamp.CurrentOperator} (rollback)",
        };
        await node.WriteFileAsync(DeployStamp.PathOn(spec), stamp.ToJson(), 0b110_100_100, ct);
        return new NodeDeployResult(spec.Name, $"rolled back to tag {tag}", watch.Elapsed, new NodeDeployed(hash, tag));
    }
}
