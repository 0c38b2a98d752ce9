using System.Diagnostics;
using Ktrdr.Deploy.Commands.Compose;
using Ktrdr.Deploy.Commands.Preflight;
using Ktrdr.Deploy.Remote;
using Ktrdr.Deploy.Rollout.Drift;
using Ktrdr.Deploy.Rollout.Nodes;
using Ktrdr.Deploy.Topology;
using static Ktrdr.Deploy.Remote.Execution.ShellQuote;

namespace Ktrdr.Deploy.Rollout.Deploy;

/// <summary>What one node needs for its deploy: its bundle, the stamp it should end with, its secrets and registry login.</summary>
public sealed record NodeDeployRequest(
    NodeSpec Node, NodeBundle Bundle, DeployStamp Desired, IReadOnlyDictionary<string, string> Secrets, RegistryPull? Login,
    TimeSpan HealthTimeout, bool Force)
{
    /// <summary>How a running node's services are replaced in batches, draining busy workers first (worker and gpu nodes);
    /// null: all at once (core, whose database must not wait on a drain).</summary>
    public RollingOptions? Rolling { get; init; }
}

/// <summary>A node that was deployed: why, how long it took, and the bundle and tag it runs now.</summary>
public sealed record NodeDeployResult(string Node, string Reason, TimeSpan Elapsed, Operations.NodeDeployed Landed);

/// <summary>
/// The one place a node is deployed, over its one SSH connection: its state first (stamp and containers, read-only);
/// then, for a node that changed, pre-flight (every such node before any is touched), upload, pull, up, health,
/// stamp. Each step prints a line with its time.
/// </summary>
public static class NodeDeployer
{
    public static async Task<PreflightReport> PreflightAsync(ICommandExecutor node, NodeSpec spec, CancellationToken ct) =>
        await NodeProgress.StepAsync(spec.Name, "pre-flight", async () =>
        {
            var report = PreflightCommands.ParsePreflight(await node.RunAsync(PreflightCommands.Check(spec), ct), spec);
            return (report, report.Passed
                ? $"{report.User}@{spec.Address ?? spec.Host}, docker {report.DockerVersion}, {report.Compose}, {report.FreeDiskGb:0.#} GB free"
                : $"{report.Failures.Count} problem(s)");
        });

    /// <summary>
    /// Reads the node's stamp and containers (read-only: no pre-flight needed) and decides whether it needs deploying;
    /// a no-op rollout costs one connection and this per node. The state read here is what the deploy starts from.
    /// </summary>
    public static async Task<(NodeState Before, DeployDecision Decision)> DecideAsync(ICommandExecutor node, NodeDeployRequest request, CancellationToken ct) =>
        await NodeProgress.StepAsync(request.Node.Name, "state", async () =>
        {
            var (facts, drift) = await DriftCheck.ReadAsync(node, DriftRequest.For(request.Node, request.Bundle, request.Desired, request.Secrets), ct);
            var before = new NodeState(DeployStamp.Parse(facts.Stamp), facts.Statuses, BundleFacts.HandEdited(facts));
            var decided = DeployDecision.Decide(before.Stamp, request.Desired, before.Containers, request.Force, drift);
            return ((before, decided), (decided.Deploy ? "to deploy: " : "unchanged: ") + decided.Reason);
        });

    /// <summary>Deploys a node that <see cref="DecideAsync"/> found changed (its state then is <paramref name="before"/>) and whose pre-flight passed.</summary>
    /// <param name="start">When it may start its containers, and whom it tells it did (<see cref="NodeStart.Now"/> when alone).</param>
    public static async Task<NodeDeployResult> DeployAsync(ICommandExecutor node, NodeDeployRequest request, PreflightReport preflight,
        NodeState before, DeployDecision decision, CancellationToken ct, NodeStart? start = null)
    {
        start ??= NodeStart.Now;
        var watch = Stopwatch.StartNew();
        var spec = request.Node;
        var project = ComposeProject.For(preflight.Compose, spec);

        // the same bundle (a forced redeploy, a re-pushed tag) is already in place: uploading it again would push the
        // previous good bundle out of .previous, which Rollback goes back to
        var replaced = before.Stamp?.BundleHash != request.Desired.BundleHash;
        // the same bundle whose files drifted on the node (or --force): put the bundle's files back, the drifted copy aside
        var restore = !replaced && (request.Force || decision.Drift?.FilesDiffer == true);
        var upload = replaced || restore;
        var elevate = !preflight.IsRoot && !preflight.DeployParentWritable;
        await NodeProgress.StepAsync(spec.Name, "upload", async () =>
        {
            if (!upload) return $"bundle {request.Desired.BundleHash[..12]} already in place (.previous kept)";
            var drifted = restore ? await DriftedCopy.UploadAsync(node, spec, request.Bundle.Directory, [.. request.Secrets.Keys], elevate, ct) : null;
            if (!restore) await node.UploadDirectoryAsync(request.Bundle.Directory, spec.DeployDirectory, ct, elevate);
            return $"bundle {request.Desired.BundleHash[..12]} → {spec.DeployDirectory}{(elevate ? " (directory moves through sudo)" : "")}" +
                   (drifted is null ? "" : $"; the node's copy kept as {drifted} (.previous kept)");
        });
        try
        {
            await NodeProgress.StepAsync(spec.Name, "pull", async () =>
            {
                // this machine (local environment) runs the images built here: only the others come from a registry
                var services = NodeTargets.IsThisMachine(spec) ? request.Bundle.Services.Except(request.Bundle.BuiltServices).ToList() : null;
                if (services is { Count: 0 }) return "nothing to pull: every image is built on this machine";
                await NodeRun.RequireAsync(node, DeploySteps.Pull(project, request.Secrets, request.Login, services), ct);
                return services is null ? $"{request.Desired.Images.Count} image variable(s) with {project.Invocation}"
                    : $"{string.Join(", ", services)} (the others run images built on this machine)";
            });
            if (start.Waiting)
                await NodeProgress.StepAsync(spec.Name, "wait", async () =>
                {
                    await start.Ready();
                    return start.Waits;
                });
        }
        catch (RolloutException failure) when (replaced && before.Stamp is not null)
        {
            // nothing ran the new files yet: put the previous ones (and their stamp) back, so the node is as it was
            await NodeProgress.StepAsync(spec.Name, "restore", async () =>
            {
                await NodeRun.RequireAsync(node, NodeRollback.SwapBack(spec), CancellationToken.None);
                return "the previous files are back; no container was changed";
            });
            throw new RolloutException($"{spec.Name}: {(NodeProgress.FailedStep(failure) == "wait" ? "not started, as what it waits for failed" : "pulling the new images failed")}; " +
                                       $"the node's previous files were put back and its containers were never changed.\n  What failed: {failure.Message}", failure);
        }
        // containers compose would leave running although a file they mount changed (they would keep reading the old one)
        var recreate = upload && before.Containers.Any(c => c.IsRunning)
            ? MountedFiles.ServicesReadingChanges(request.Bundle.Mounts, restore ? null :
                (await DeployedBundle.PreviousAsync(node, spec, ct))?.FileHashes, request.Bundle.Files)
            : [];
        IReadOnlyList<ContainerStatus> running;
        try
        {
            running = await StartAsync(node, request, project, rolling: request.Rolling is not null && before.Containers.Any(c => c.IsRunning), recreate, start, ct);
        }
        catch (RolloutException failure) when (replaced && before.Stamp is not null)
        {
            // the health gate: the node goes back to the bundle that ran before, and the run fails saying so
            await NodeProgress.StepAsync(spec.Name, "roll back", async () =>
            {
                await NodeRun.RequireAsync(node, NodeRollback.SwapBack(spec), CancellationToken.None);
                await NodeRun.RequireAsync(node, DeploySteps.Up(project, request.Secrets), CancellationToken.None);
                await HealthWaiter.WaitAsync(node, request.HealthTimeout, CancellationToken.None);
                return "the previous bundle is back in place and healthy";
            });
            throw new RolloutException($"{spec.Name}: the new bundle failed its health gate and the node was rolled back to the previous one, " +
                                       $"which is running again.\n  What failed: {failure.Message}", failure);
        }
        await NodeProgress.StepAsync(spec.Name, "stamp", async () =>
        {
            var stamp = request.Desired with
            {
                Services = [.. running.Select(c => c.Service).Distinct().Order(StringComparer.Ordinal)],
                DeployedAt = DateTimeOffset.UtcNow,
                By = DeployStamp.CurrentOperator,
                ConfigHashes = RecordedHashes(running),
                SecretsDigest = SecretsDigest.Create(request.Secrets),
            };
            await node.WriteFileAsync(DeployStamp.PathOn(spec), stamp.ToJson(), 0b110_100_100, ct);
            return DeployStamp.PathOn(spec);
        });
        // a new bundle replaced hand-edited files: they are no deploy Rollback may swap back into (and may hold a pasted secret)
        if (replaced && before.HandEdited)
            await NodeProgress.StepAsync(spec.Name, "hand edits", async () =>
            {
                var copy = await DriftedCopy.RetirePreviousAsync(node, spec, [.. request.Secrets.Keys], elevate, ct);
                return $"the hand-edited files it ran before kept as {copy}, secrets masked; no .previous " +
                       $"(to go back: ./build.sh Rollback --target-node {spec.Name} --tag {before.Stamp?.Tag ?? "<the tag it ran>"})";
            });
        return new NodeDeployResult(spec.Name, decision.Reason, watch.Elapsed, new(request.Desired.BundleHash, request.Desired.Tag ?? ""));
    }

    /// <summary>Each service's config hash as its containers carry it now; null when one has none or two disagree (then no record).</summary>
    private static IReadOnlyDictionary<string, string>? RecordedHashes(IReadOnlyList<ContainerStatus> running)
    {
        var byService = running.GroupBy(c => c.Service).ToList();
        return byService.All(g => g.Select(c => c.ConfigHash).Distinct().Count() == 1 && g.First().ConfigHash is not null)
            ? byService.ToDictionary(g => g.Key, g => g.First().ConfigHash!, StringComparer.Ordinal)
            : null;
    }

    /// <summary>All at once (a new node, core), or one service at a time on a running worker node; then every container healthy.</summary>
    private static async Task<IReadOnlyList<ContainerStatus>> StartAsync(
        ICommandExecutor node, NodeDeployRequest request, ComposeProject project, bool rolling, IReadOnlyList<string> recreate, NodeStart start, CancellationToken ct)
    {
        var spec = request.Node;
        if (rolling)
            await RollingUpdate.RunAsync(node, project, request.Bundle.Services, request.Secrets, request.Rolling!, ct);
        else
            await NodeProgress.StepAsync(spec.Name, "up", async () =>
            {
                await NodeRun.RequireAsync(node, DeploySteps.Up(project, request.Secrets), ct);
                return $"up -d --remove-orphans{(spec.Profiles.Count > 0 ? $" --profile {string.Join(",", spec.Profiles)}" : "")}";
            });
        start.Started();
        // --force recreates every container: the rolling update does it batch by batch, all at once otherwise
        var forced = request.Force && !rolling;
        await MountedFiles.RecreateAsync(node, spec.Name, project, forced ? request.Bundle.Services : recreate, request.Secrets, ct, forced ? "recreated (--force)" : null);
        await RetireAsync(node, spec, request.Bundle.Services, ct);
        return await NodeProgress.StepAsync(spec.Name, "health", async () =>
        {
            var containers = await HealthWaiter.WaitAsync(node, request.HealthTimeout, ct);
            return (containers, $"{string.Join(", ", containers.Select(c => c.Service).Distinct())} healthy");
        });
    }

    /// <summary>
    /// Removes the project's containers of services the node no longer runs (left out by its profiles, or gone from the
    /// files): compose's --remove-orphans keeps a container whose service is still in a file, even behind an inactive profile.
    /// </summary>
    private static async Task RetireAsync(ICommandExecutor node, NodeSpec spec, IReadOnlyList<string> active, CancellationToken ct)
    {
        if (active.Count == 0) return;
        var stale = ComposeCommands.ParseContainers(await NodeRun.RequireAsync(node, ComposeCommands.Ps(), ct)).Where(c => !active.Contains(c.Service)).ToList();
        if (stale.Count == 0) return;
        await NodeProgress.StepAsync(spec.Name, "retire", async () =>
        {
            await NodeRun.RequireAsync(node, new RemoteCommand($"docker rm -f {string.Join(' ', stale.Select(c => Quote(c.ContainerId)))} >/dev/null",
                $"remove {stale.Count} container(s) of services {spec.Name} no longer runs"), ct);
            return $"removed {string.Join(", ", stale.Select(c => c.Service).Distinct())} (not run with this node's profiles)";
        });
    }
}
