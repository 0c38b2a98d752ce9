using Ktrdr.Deploy.Commands.Compose;
using Ktrdr.Deploy.Rollout.Deploy;
using Serilog;

namespace Ktrdr.Deploy.Rollout.Orchestration;

/// <summary>--dry-run: per node, each step and the exact script it would run (scripts never hold a secret), without connecting.</summary>
public static class DeployPlanView
{
    public static void Print(IReadOnlyList<NodeDeployRequest> requests)
    {
        foreach (var request in requests)
        {
            var node = request.Node;
            var project = ComposeProject.For(new DetectedCompose(ComposeFlavor.V2, null), node);
            Log.Information("{Node} ({User}@{Host}, {Dir}): would deploy bundle {Hash} unless its stamp matches (dry run: compose shown as v2, detected at deploy time)",
                node.Name, node.Ssh.User, node.Address ?? node.Host, node.DeployDirectory, request.Desired.BundleHash[..12]);
            foreach (var step in DeploySteps.All(node, request.Bundle, project, request.Secrets, request.Login))
            {
                Log.Information("  {Step,-10} {Detail}", step.Name, step.Detail);
                if (step.Command is { } command) Log.Information("  {Blank,-10}   $ {Script}", "", command.Script);
            }
        }
    }
}
