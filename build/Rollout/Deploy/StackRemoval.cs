using Ktrdr.Deploy.Commands.Compose;
using Ktrdr.Deploy.Remote;
using Ktrdr.Deploy.Topology;
using static Ktrdr.Deploy.Remote.Execution.ShellQuote;

namespace Ktrdr.Deploy.Rollout.Deploy;

/// <summary>For the benchmark, which starts from empty nodes: what takes a node's stacks and deploy state away (volumes stay).</summary>
public static class StackRemoval
{
    /// <summary>Removes the project's containers, its network and the deploy directory with its .previous.</summary>
    public static RemoteCommand RemoveStacks(NodeSpec node) => new(
        $"ids=$(docker ps -aq --filter label=com.docker.compose.project={ComposeProject.Name}); [ -z \"$ids\" ] || docker rm -f $ids >/dev/null; " +
        $"docker network rm {ComposeProject.Name}_default >/dev/null 2>&1; rm -rf {Quote(DeployedBundle.Directory(node))} {Quote(DeployedBundle.Previous(node))}",
        $"remove the stacks on {node.Name}") { Sudo = true };

    /// <summary>Removes the node's stamp: its next deploy takes the bundle as new (uploaded, every service replaced).</summary>
    public static RemoteCommand ForgetStamp(NodeSpec node) =>
        new($"rm -f {Quote(DeployStamp.PathOn(node))}", $"forget the stamp of {node.Name}") { Sudo = true };
}
