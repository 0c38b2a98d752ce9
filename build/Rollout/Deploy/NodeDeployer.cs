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

public enum DeployOutcome { Deployed, Unchanged }

public sealed record NodeDeployResult(string Node, DeployOutcome Outcome, string Detail, TimeSpan Elapsed);

/// <summary>
/// The one place a node is deployed, over its one SSH connection: pre-flight (before any node is touched), then, when
/// its stamp differs from the wanted one, upload, pull, up, health, stamp. Each step prints a line with its time.
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

    public static async Task<NodeDeployResult> DeployAsync(ICommandExecutor node, NodeDeployRequest request, PreflightReport preflight, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var spec = request.Node;
        var project = ComposeProject.For(preflight.Compose, spec);
        var stampPath = $"{spec.DeployDirectory.TrimEnd('/')}/{DeployStamp.FileName}";

        var decision = await NodeProgress.StepAsync(spec.Name, "state", async () =>
        {
            var current = DeployStamp.Parse(await node.ReadFileAsync(stampPath, ct));
            var containers = ComposeCommands.ParseContainers(await NodeRun.RequireAsync(node, ComposeCommands.Ps(), ct));
            var decided = DeployDecision.Decide(current, request.Desired, containers, request.Force);
            return (decided, decided.Reason);
        });
        if (!decision.Deploy) return new NodeDeployResult(spec.Name, DeployOutcome.Unchanged, decision.Reason, watch.Elapsed);

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
            var stamp = request.Desired with { Services = [.. running.Select(c => c.Service).Distinct().Order(StringComparer.Ordinal)] };
            await node.WriteFileAsync(stampPath, stamp.ToJson(), 0b110_100_100, ct);
            return stampPath;
        });
        return new NodeDeployResult(spec.Name, DeployOutcome.Deployed, decision.Reason, watch.Elapsed);
    }
}
