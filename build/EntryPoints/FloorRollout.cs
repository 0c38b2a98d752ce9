using System.Diagnostics;
using Ktrdr.Deploy.Commands.Compose;
using Ktrdr.Deploy.Rollout;
using Ktrdr.Deploy.Rollout.Deploy;
using Ktrdr.Deploy.Rollout.Nodes;
using Ktrdr.Deploy.Rollout.Orchestration;
using Ktrdr.Deploy.Topology;
using Serilog;

namespace Ktrdr.Deploy.EntryPoints;

/// <summary>
/// The benchmark's floor, not a way to deploy: every node at once over its one connection, the bare minimum (upload the
/// rendered bundle, <c>pull</c>, <c>up -d</c>), no pre-flight, state, lock, audit, stamp or health wait. What a rollout
/// could cost at best on this lab; Verify then says when it is green.
/// </summary>
internal static class FloorRollout
{
    /// <param name="recreate">An update: every container replaced (<c>up -d --force-recreate</c>), as a new tag would.</param>
    public static async Task<TimeSpan> RolloutAsync(OperationScope scope, IReadOnlyList<(NodeSpec Node, NodeBundle Bundle, IReadOnlyDictionary<string, string> Secrets)> nodes,
        RegistryPull? login, bool recreate, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(nodes.Select(async n =>
        {
            var step = Stopwatch.StartNew();
            var node = await scope.Connections.ConnectAsync(n.Node, ct);
            var compose = ComposeCommands.ParseDetection(await NodeRun.RequireAsync(node, ComposeCommands.Detect(n.Node.ComposeCommand), ct));
            var project = ComposeProject.For(compose, n.Node);
            await node.UploadDirectoryAsync(n.Bundle.Directory, n.Node.DeployDirectory, ct, elevate: n.Node.Ssh.User != "root");
            await NodeRun.RequireAsync(node, DeploySteps.Pull(project, n.Secrets, login), ct);
            await NodeRun.RequireAsync(node, ComposeCommands.WithSecrets(ComposeCommands.Up(project, forceRecreate: recreate), n.Secrets), ct);
            Log.Information("  floor       {Node,-10} upload + pull + up -d{Recreate}  {Elapsed}", n.Node.Name, recreate ? " --force-recreate" : "",
                BuildEngine.Elapsed.Format(step.Elapsed));
        }));
        return watch.Elapsed;
    }
}
