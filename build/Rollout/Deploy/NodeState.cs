using Ktrdr.Deploy.Commands.Compose;
using Ktrdr.Deploy.Remote;
using Ktrdr.Deploy.Rollout.Nodes;
using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Rollout.Deploy;

/// <summary>
/// What a node runs now, read from it: its stamp (null when this tool never deployed it), its project's containers, and
/// whether its files were edited by hand since its deploy (they differ from what its own stamp and manifest list).
/// </summary>
public sealed record NodeState(DeployStamp? Stamp, IReadOnlyList<ContainerStatus> Containers, bool HandEdited = false)
{
    /// <summary>Two read-only commands: the stamp file and the container listing. Deploy decisions and Status both start here.</summary>
    public static async Task<NodeState> ReadAsync(ICommandExecutor node, NodeSpec spec, CancellationToken ct) => new(
        DeployStamp.Parse(await node.ReadFileAsync(DeployStamp.PathOn(spec), ct)),
        ComposeCommands.ParseContainers(await NodeRun.RequireAsync(node, ComposeCommands.Ps(), ct)));
}
