using System.Diagnostics;
using Ktrdr.Deploy.Commands.Compose;
using Ktrdr.Deploy.Commands.Preflight;
using Ktrdr.Deploy.Remote;
using Ktrdr.Deploy.Rollout.Nodes;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Rollout.Deploy;

/// <summary>What one node needs for its deploy: its bundle, the stamp it should end with, its secrets and registry login.</summary>
public sealed record NodeDeployRequest(
    NodeSpec Node, NodeBundle Bundle, DeployStamp Desired, IReadOnlyDictionary<string, string> Secrets, RegistryPull? Login,
    TimeSpan HealthTimeout, bool Force);

/// <summary>A node that was deployed: why, and how long it took.</summary>
public sealed record NodeDeployResult(string Node, string Reason, TimeSpan Elapsed);

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
    /// a no-op rollout costs one connection and this per node.
    /// </summary>
    public static async Task<DeployDecision> DecideAsync(ICommandExecutor node, NodeDeployRequest request, CancellationToken ct) =>
        await NodeProgress.StepAsync(request.Node.Name, "state", async () =>
        {
            var current = DeployStamp.Parse(await node.ReadFileAsync(StampPath(request.Node), ct));
            var containers = ComposeCommands.ParseContainers(await NodeRun.RequireAsync(node, ComposeCommands.Ps(), ct));
            var decided = DeployDecision.Decide(current, request.Desired, containers, request.Force);
            return (decided, (decided.Deploy ? "to deploy: " : "unchanged: ") + decided.Reason);
        });

    /// <summary>Deploys a node that <see cref="DecideAsync"/> found changed and whose pre-flight passed.</summary>
    public static async Task<NodeDeployResult> DeployAsync(
        ICommandExecutor node, NodeDeployRequest request, PreflightReport preflight, DeployDecision decision, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var spec = request.Node;
        var project = ComposeProject.For(preflight.Compose, spec);
        var stampPath = StampPath(spec);

        await NodeProgress.StepAsync(spec.Name, "upload", async () =>
        {
            var elevate = !preflight.IsRoot && !preflight.DeployParentWritable;
            await node.UploadDirectoryAsync(request.Bundle.Directory, spec.DeployDirectory, ct, elevate);
            return $"bundle {request.Desired.BundleHash[..12]} → {spec.DeployDirectory}{(elevate ? " (directory moves through sudo)" : "")}";
        });
        await NodeProgress.StepAsync(spec.Name, "pull", async () =>
        {
            await NodeRun.RequireAsync(node, DeploySteps.Pull(project, request.Secrets, request.Login), ct);
            return $"{request.Desired.Images.Count} image variable(s) with {project.Invocation}";
        });
        await NodeProgress.StepAsync(spec.Name, "up", async () =>
        {
            await NodeRun.RequireAsync(node, DeploySteps.Up(project, request.Secrets), ct);
            return $"up -d --remove-orphans{(spec.Profiles.Count > 0 ? $" --profile {string.Join(",", spec.Profiles)}" : "")}";
        });
        var running = await NodeProgress.StepAsync(spec.Name, "health", async () =>
        {
            var containers = await HealthWaiter.WaitAsync(node, request.HealthTimeout, ct);
            return (containers, $"{string.Join(", ", containers.Select(c => c.Service).Distinct())} healthy");
        });
        await NodeProgress.StepAsync(spec.Name, "stamp", async () =>
        {
            var stamp = request.Desired with
            {
                Services = [.. running.Select(c => c.Service).Distinct().Order(StringComparer.Ordinal)],
                DeployedAt = DateTimeOffset.UtcNow,
                By = $"{System.Environment.UserName}@{System.Environment.MachineName}",
            };
            await node.WriteFileAsync(stampPath, stamp.ToJson(), 0b110_100_100, ct);
            return stampPath;
        });
        return new NodeDeployResult(spec.Name, decision.Reason, watch.Elapsed);
    }

    private static string StampPath(NodeSpec node) => $"{node.DeployDirectory.TrimEnd('/')}/{DeployStamp.FileName}";
}
